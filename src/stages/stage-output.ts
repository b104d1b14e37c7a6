import os from 'node:os';
import type { Settings } from '../config/resolve-settings.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Failure } from '../failures.js';
import { FORMATS } from '../formats.js';
import type { Ladder } from '../model/types.js';
import { modelJsonChunks } from '../model/serialize-model.js';
import type { LoadedLadder } from '../read/load-ladder.js';
import { markdownBlocks } from '../read/parse-markdown.js';
import type { OutputFormat } from '../render/output-format.js';
import type { BuildBrowser } from '../render/pdf/build-browser.js';
import type { RenderContext } from '../render/render-context.js';
import { wordThreads as startWordThreads } from '../render/docx/word-threads.js';
import { TOOL_VERSION } from '../tool-version.js';
import { buildManifest } from '../write/build-manifest.js';
import { cachePartStore } from '../write/cache-part-store.js';
import { cleanLeftovers } from '../write/clean-leftovers.js';
import { isAlive } from '../write/is-alive.js';
import { cleanDeadScratch } from '../render/pdf/browser-processes.js';
import { openStaging, sha, type StagedOut } from '../write/publish-out.js';
import { RenderCache } from '../write/render-cache.js';
import { failed, type BuildRun } from './build-run.js';
import { renderFormats } from './render-formats.js';

export interface StageOptions {
  readonly strict: boolean;
  readonly concurrency: number | null;
  readonly levels?: readonly string[] | null;
  readonly htmlOnly?: boolean;
  readonly liveReload?: string | null;
  /** --clean: render every document, taking none from the cache. */
  readonly clean?: boolean;
  /** The tool's fingerprint: part of every render cache key. */
  readonly tool: string;
  /** The browser started for the formats that print, or null: each then starts its own. */
  readonly browser?: BuildBrowser | null;
}

/** The next output, complete in its staging folder. */
export interface Staged {
  readonly out: StagedOut;
  readonly cache: RenderCache;
  /** The formats published (less any left out for want of a browser). */
  readonly formats: readonly OutputFormat[];
  /** A format left out for want of a browser. */
  readonly failure: Failure | null;
  /** This build made some formats or levels only: the cache keeps the others' entries. */
  readonly partial: boolean;
  /** The paths of the documents (PDF, Word…) the formats make for this ladder. */
  readonly documents: ReadonlySet<string>;
}

/** Renders every format into a staging folder beside `out/`, then model.json and the manifest; null when the content failed meanwhile. */
export async function stageOutput(run: BuildRun, settings: Settings, ladder: Ladder, loaded: LoadedLadder, formats: readonly OutputFormat[], referenceBytes: Uint8Array | null, options: StageOptions): Promise<Staged | null> {
  // Leftovers of builds killed outright (kill -9): staging folders beside out/, and Chromium's scratch
  // folders in the temp folder — removed by every build, whether or not it prints.
  await Promise.all([cleanLeftovers(settings.outDir), cleanDeadScratch(isAlive)]);
  const salt = JSON.stringify({ tool: options.tool, config: settings.config, site: ladder.site, reference: referenceBytes && sha(referenceBytes) });
  const cache = await RenderCache.open(settings.cacheDir, salt, options.clean !== true);
  const levels = options.levels && options.levels.length > 0 ? new Set(options.levels) : null;
  const documents = documentPaths(ladder, formats);
  // --level and dev's first pass keep the previous documents they do not make.
  const keepPrevious = levels !== null || options.htmlOnly === true;
  // Files go into the staging folder as they are made, so no stage holds all its outputs.
  const stager = await openStaging(settings.outDir, { keep: (file) => keepPrevious && documents.has(file), signal: run.signal });
  // One set of Word threads for every format that makes Word documents; none start unless one has many.
  const wordThreads = startWordThreads(run.signal);
  const context = { ...renderContext(settings, formats, run.signal, run.diagnostics, options), partKeys: loaded.partKeys, parts: cachePartStore(cache), wordThreads };
  try {
    const render = options.htmlOnly ? formats.filter((format) => format.kind === 'site') : formats;
    const rendered = await renderFormats({ ladder, context, formats, render, levels, cache, stager, stage: run.stage });
    run.signal.throwIfAborted();
    if (failed(run.diagnostics, options.strict)) {
      await stager.discard();
      return null;
    }
    run.stage.begin('write', 0);
    // The model cache wrote model.json's text once already: publish those bytes, not a second
    // serialisation (unless the cache could not be written).
    const modelJson = await loaded.modelJson?.();
    if (modelJson) await stager.add({ path: 'model.json', data: modelJson });
    else await stager.addChunks('model.json', modelJsonChunks(ladder));
    const out = await stager.finish((list) => buildManifest(ladder, TOOL_VERSION, list));
    const partial = keepPrevious || rendered.formats.length < formats.length || formats.length < FORMATS.length;
    return { out, cache, formats: rendered.formats, failure: rendered.failure, partial, documents };
  } catch (error) {
    await stager.discard();
    throw error;
  } finally {
    await wordThreads.close();
  }
}

/** What every renderer is given besides the model. */
function renderContext(settings: Settings, formats: readonly OutputFormat[], signal: AbortSignal, diagnostics: Diagnostics, options: StageOptions): RenderContext {
  return {
    formats,
    config: settings.config,
    partKeys: null,
    templatesDir: settings.templatesDir,
    contentDir: settings.contentDir,
    concurrency: options.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism())),
    referenceDocx: settings.referenceDocx,
    browserExecutable: settings.config.browser.executablePath,
    browser: options.browser ?? null,
    documentTimeoutMs: settings.config.limits.documentTimeoutMs,
    toolVersion: TOOL_VERSION,
    liveReload: options.liveReload ?? null,
    signal,
    readMarkdown: markdownBlocks,
    diagnostics,
  };
}

/** The paths of the documents the formats make for this ladder: per level, and the books. */
function documentPaths(ladder: Ladder, formats: readonly OutputFormat[]): Set<string> {
  const documents = formats.filter((format) => format.kind === 'documents');
  return new Set([...documents.flatMap((format) => format.ladder.map((file) => file.path)), ...ladder.levels.flatMap((level) => documents.flatMap((format) => format.level.map((file) => file.path(level.slug))))]);
}
