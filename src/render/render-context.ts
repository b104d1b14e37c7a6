import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import type { FormatFiles } from './format-files.js';
import type { LadderPartKeys } from './part-keys.js';
import type { BuildBrowser } from './pdf/build-browser.js';
import type { PartStore } from './part-store.js';
import type { WordThreads } from './docx/word-threads.js';

/** A file to publish, relative to the output folder with POSIX separators. @example { path: "vp.pdf", data: … } */
export interface OutputFile {
  readonly path: string;
  readonly data: Uint8Array | string;
}

/**
 * A file too large to hold whole (a 500-level book, joined from its printed parts, is about 100 MB):
 * its bytes in order, made as they are read. Read once, by whoever publishes it.
 */
export interface StreamedFile {
  readonly path: string;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * One expensive document to produce (a PDF, a DOCX). `key` holds everything the bytes depend on;
 * the build hashes it to reuse the previous output when nothing changed.
 */
export interface RenderJob {
  readonly path: string;
  readonly key: string;
}

/** What every renderer is given besides the model. Dates and versions come in here, never from the clock. */
export interface RenderContext {
  /** The formats this build writes, with their files: the site links only to downloads that exist. */
  readonly formats: readonly FormatFiles[];
  /** The config as resolved: a format reads its own keys (e.g. `jobDescription`) with its own schema. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The render keys of the ladder's parts, handed over by the model cache; null: worked out when planning. */
  readonly partKeys: LadderPartKeys | null;
  /** Where pieces of documents are kept between builds (the book's chapters); none: made every time. */
  readonly parts?: PartStore | null;
  /** The user-editable look: templates/ of the project, or the one the config names. */
  readonly templatesDir: string;
  /** The content folder, for assets the content refers to (logo). */
  readonly contentDir: string;
  /** Pages rendered at once (PDF). */
  readonly concurrency: number;
  /** A .docx whose styles replace ours, or null. */
  readonly referenceDocx: string | null;
  /** A browser the config names, or null to search. */
  readonly browserExecutable: string | null;
  /** The browser the build started for the formats that print; absent: each starts its own. */
  readonly browser?: BuildBrowser | null;
  /** The build's Word document threads, shared by the formats that make Word documents; absent: each starts its own when it has many. */
  readonly wordThreads?: WordThreads | null;
  /** Longest a single document may take before it fails with an error naming it. */
  readonly documentTimeoutMs: number;
  /** ladderpress's version, part of every cache key and of document metadata. */
  readonly toolVersion: string;
  /** Live-reload script URL for `ladderpress dev`, else null. */
  readonly liveReload: string | null;
  /** Aborted on Ctrl-C/SIGTERM: stop work, close the browser, throw. */
  readonly signal: AbortSignal;
  /** The content's Markdown reader, for Markdown a renderer fills itself (a template): renderers never import read/. */
  readonly readMarkdown: (text: string) => Root;
  /** Warnings a renderer finds (missing fonts, stripped characters). */
  readonly diagnostics: Diagnostics;
}
