import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { LevelFrontMatter } from './front-matter-schema.js';
import { levelFrontMatterSchema, overviewFrontMatterSchema } from './front-matter-schema.js';
import { readMarkdownDocument, type MarkdownDocument } from './markdown-document.js';
import { readArticle, type ArticleDraft } from './read-article.js';

/** One source file to parse: the unit of work the parse pool hands out. */
export interface ParseTask {
  readonly kind: 'level' | 'overview' | 'article';
  readonly file: string;
  readonly shownFile: string;
  readonly slug: string;
  readonly text: string;
}

/** What parsing one file gives: plain data, so it can cross a worker boundary. */
export type ParseOutcome =
  | { readonly kind: 'level' | 'overview'; readonly doc: MarkdownDocument<LevelFrontMatter> | null; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'article'; readonly draft: ArticleDraft | null; readonly diagnostics: readonly Diagnostic[] };

/** Parses one file on its own: everything that needs no other document. */
export function parseDocument(task: ParseTask): ParseOutcome {
  const diagnostics = new Diagnostics();
  if (task.kind === 'article') {
    const draft = readArticle(task.text, task.file, task.shownFile, task.slug, diagnostics);
    return { kind: 'article', draft, diagnostics: diagnostics.all };
  }
  const schema = task.kind === 'level' ? levelFrontMatterSchema : overviewFrontMatterSchema;
  return { kind: task.kind, doc: readMarkdownDocument(task.text, task.shownFile, schema, diagnostics), diagnostics: diagnostics.all };
}
