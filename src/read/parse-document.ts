import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import { decodeText } from './decode-text.js';
import type { LevelFrontMatter } from './front-matter-schema.js';
import { levelFrontMatterSchema, overviewFrontMatterSchema } from './front-matter-schema.js';
import { checkInputLimits, type InputLimits } from './input-limits.js';
import { readMarkdownDocument, type MarkdownDocument } from './markdown-document.js';
import { readArticle, type ArticleDraft } from './read-article.js';

/** One source file to read: the unit of work the parse pool hands out. */
export interface ParseTask {
  readonly kind: 'level' | 'overview' | 'article';
  readonly file: string;
  readonly shownFile: string;
  readonly slug: string;
  /** The file as read: decoding and the input limits are part of the task, so a cached outcome covers them. */
  readonly bytes: Uint8Array;
  readonly limits: InputLimits;
  /**
   * Where to keep the outcome (a parse cache entry), or null. The thread that parsed the file
   * writes it: encoding 50 MB of JSON for the disk would otherwise cost the main thread a second.
   */
  readonly keepAt: string | null;
}

/**
 * What reading one file gives: plain data, so it can cross a worker boundary and be cached as JSON.
 * JSON keeps no shared references, so an outcome must not hold a node twice that the ladder-wide
 * steps then change (heading ids, link targets): the copy would miss the change.
 */
export type ParseOutcome =
  | { readonly kind: 'level' | 'overview'; readonly doc: MarkdownDocument<LevelFrontMatter> | null; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'article'; readonly draft: ArticleDraft | null; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads one file on its own (everything that needs no other document) and gives the outcome as
 * JSON text: that is what crosses from a worker (a string is copied, a tree would be cloned node by
 * node), what the parse cache keeps, and so the one form every outcome takes, cached or not.
 */
export function parseDocumentJson(task: ParseTask): string {
  const json = JSON.stringify(parseDocument(task));
  if (task.keepAt !== null) {
    // Renamed into place: a reader never sees half an entry.
    const temporary = `${task.keepAt}.tmp-${process.pid}-${threadId}`;
    try {
      writeFileSync(temporary, json);
      renameSync(temporary, task.keepAt);
    } catch {
      // A cache that cannot be written (read-only, full) makes the next read slower, never this one fail.
      rmSync(temporary, { force: true });
    }
  }
  return json;
}

function parseDocument(task: ParseTask): ParseOutcome {
  const diagnostics = new Diagnostics();
  const text = decodeWithinLimits(task, diagnostics);
  if (task.kind === 'article') {
    const draft = text === null ? null : readArticle(text, task.file, task.shownFile, task.slug, diagnostics);
    return { kind: 'article', draft, diagnostics: diagnostics.all };
  }
  const schema = task.kind === 'level' ? levelFrontMatterSchema : overviewFrontMatterSchema;
  return { kind: task.kind, doc: text === null ? null : readMarkdownDocument(text, task.shownFile, schema, diagnostics), diagnostics: diagnostics.all };
}

/** The text every reader sees, or null when the file breaks a limit or is not text. */
function decodeWithinLimits(task: ParseTask, diagnostics: Diagnostics): string | null {
  const { bytes, shownFile, limits } = task;
  if (!checkInputLimits(bytes.length, null, shownFile, limits, diagnostics)) return null;
  const text = decodeText(bytes, shownFile, diagnostics);
  return text !== null && checkInputLimits(bytes.length, text, shownFile, limits, diagnostics) ? text : null;
}
