import type { Ladder } from '../model/types.js';
import type { FormatFiles } from './format-files.js';
import type { OutputFile, RenderContext, RenderJob, StreamedFile } from './render-context.js';

/** Hands a finished file on to be published; resolves once it may be dropped. */
export type Emit = (file: OutputFile) => Promise<void>;

/** As Emit, for documents, one of which may be too large to hold whole; a stream is read before this resolves. */
export type EmitDocument = (file: OutputFile | StreamedFile) => Promise<void>;

/** The site: rendered in one pass, every file emitted as it is made (cheap, never cached). */
export interface SiteRenderer {
  render(ladder: Ladder, context: RenderContext, emit: Emit): Promise<void>;
}

/** Documents: planned cheaply into jobs, of which only those missing from the render cache are rendered. */
export interface DocumentRenderer<J extends RenderJob = RenderJob> {
  plan(ladder: Ladder, context: RenderContext): Promise<readonly J[]>;
  /** Renders the jobs (all in one call, so they may share a browser or worker threads), emitting each file. */
  render(jobs: readonly J[], context: RenderContext, emit: EmitDocument): Promise<void>;
}

/** A site format: its own files plus links to every other format's downloads. */
export interface SiteFormat extends FormatFiles {
  readonly kind: 'site';
  /** Loaded only when there is something to render (an up-to-date build loads no renderer). */
  load(): Promise<SiteRenderer>;
}

/** A format of documents per level and for the whole ladder (PDF, Word). */
export interface DocumentFormat<J extends RenderJob = RenderJob> extends FormatFiles {
  readonly kind: 'documents';
  /** Progress words: "11 PDFs: 2 printed, 9 from cache". */
  readonly noun: string;
  readonly verb: string;
  /** 'browser': made by Chromium; without one the format is left out and the build exits 3. */
  readonly needs: 'browser' | null;
  load(): Promise<DocumentRenderer<J>>;
}

/**
 * One output format ladderpress writes. Each renderer exports one; `formats.ts` lists them, and the
 * config, the CLI, the build, the manifest, `--verify`, the stats and the site's downloads read that list.
 */
export type OutputFormat = SiteFormat | DocumentFormat;
