import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadCache } from './commands/load-ladder.js';
import type { ResolvedConfig } from './config/config-schema.js';
import { loadConfig } from './config/load-config.js';
import { resolveFromConfig } from './config/resolve-from-config.js';
import { Diagnostics } from './diagnostics.js';
import { EXIT } from './exit-codes.js';
import { modelJsonChunks } from './model/serialize-model.js';
import { emptyStats, STAGES, type BuildStats, type Stage } from './progress/build-stats.js';
import { stageTracker } from './progress/stage-tracker.js';
import { silentProgress, type Progress } from './progress/progress.js';
import type { PdfJob } from './render/pdf/plan-pdfs.js';
import type { Format, OutputFile, RenderContext, RenderJob } from './render/render-context.js';
import { TOOL_VERSION } from './tool-version.js';
import { buildManifest } from './write/build-manifest.js';
import { inputsFingerprint, publishedFiles, recordBuild, upToDate, type BuildRecord } from './write/build-record.js';
import { checkOutDir } from './write/check-out-dir.js';
import { cleanLeftovers } from './write/clean-leftovers.js';
import { defaultCacheDir } from './write/default-cache-dir.js';
import type { VerifyProblem } from './verify/verify-output.js';
import { openStaging, sha, type PublishedFile, type StagedOut } from './write/publish-out.js';
import { RenderCache } from './write/render-cache.js';
import { renderCached } from './write/render-cached.js';
import { toolFingerprint } from './write/tool-fingerprint.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The site and print templates every build renders with. */
const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');

/** The renderers' entry points; tests pass counting wrappers. */
export interface Renderers {
  readonly renderSite: typeof import('./render/html/render-site.js').renderSite;
  readonly planPdfs: typeof import('./render/pdf/plan-pdfs.js').planPdfs;
  readonly printPdfs: typeof import('./render/pdf/print-pdfs.js').printPdfs;
  readonly planDocx: typeof import('./render/docx/plan-docx.js').planDocx;
}

/**
 * Loaded when there is something to render: a build that finds `out/` up to date never loads the
 * template engine or the Word writer, and one served from the cache never loads puppeteer.
 */
async function defaultRenderers(): Promise<Renderers> {
  const [html, pdf, docx] = await Promise.all([import('./render/html/render-site.js'), import('./render/pdf/plan-pdfs.js'), import('./render/docx/plan-docx.js')]);
  return {
    renderSite: html.renderSite,
    planPdfs: pdf.planPdfs,
    printPdfs: async (...args) => (await import('./render/pdf/print-pdfs.js')).printPdfs(...args),
    planDocx: docx.planDocx,
  };
}

export interface BuildOptions {
  /** null: the config's `content`. */
  readonly contentDir: string | null;
  /** null: the config's `out`. */
  readonly outDir: string | null;
  readonly configFile: string | null;
  /** null: the config's formats. */
  readonly formats: readonly Format[] | null;
  readonly strict: boolean;
  readonly concurrency: number | null;
  /** Render the PDFs and DOCX of these levels only (no books); the previous ones of the rest are kept. */
  readonly levels?: readonly string[] | null;
  /** Empty the render cache first. */
  readonly clean?: boolean;
  /** null: node_modules/.cache/ladderpress, or .ladderpress-cache beside the output. */
  readonly cacheDir?: string | null;
  /** Aborting stops the build (Ctrl-C); `out/` is then left as it was. */
  readonly signal?: AbortSignal;
  readonly progress?: Progress;
  /** Live-reload script URL for `ladderpress dev`. */
  readonly liveReload?: string | null;
  /** Render the HTML only and keep the previous PDFs and DOCX (dev's first, fast pass). */
  readonly htmlOnly?: boolean;
  readonly renderers?: Renderers;
  /** Read the output back and check it (outline, styles, links, every source text) before publishing. */
  readonly verify?: boolean;
}

export interface BuildResult {
  readonly exitCode: number;
  readonly diagnostics: Diagnostics;
  /** A command-line or config mistake found before reading content (unknown --level). */
  readonly usageError: string | null;
  /** Set when no browser was found: the rest was published, exit code 3. */
  readonly environmentError: string | null;
  readonly files: readonly PublishedFile[];
  /** What --verify found (nothing was published when not empty); null when it did not run. */
  readonly verifyProblems: readonly VerifyProblem[] | null;
  readonly stats: BuildStats;
  readonly outDir: string;
  readonly contentDir: string;
  readonly configFile: string | null;
}

/** The pipeline in one function: read → check → render (html ∥ pdf ∥ docx) → write. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const stats = emptyStats();
  const progress = options.progress ?? silentProgress;
  const signal = options.signal ?? new AbortController().signal;
  const stage = stageTracker(stats, progress);

  const outDirOf = (config: ResolvedConfig, configFile: string | null): string => options.outDir ?? resolveFromConfig(configFile, config.out);
  const cacheDirOf = (config: ResolvedConfig, configFile: string | null): string => options.cacheDir ?? defaultCacheDir(outDirOf(config, configFile));
  const fingerprint = (): Promise<string> => toolFingerprint(TOOL_VERSION, path.join(PROJECT_ROOT, 'src'));
  const protectedDirs = (contentDir: string, configFile: string | null): [string, ...string[]] => [contentDir, ...(configFile ? [path.dirname(configFile)] : []), PROJECT_ROOT];
  // Nothing is cached (written) for an output folder the build will refuse: the cache sits beside it.
  const readCache: ReadCache = async (config, configFile) => {
    const outProblem = await checkOutDir(outDirOf(config, configFile), protectedDirs(options.contentDir ?? resolveFromConfig(configFile, config.content), configFile));
    if (outProblem) return null;
    // --clean empties the cache before anything is read from it; this build fills it again.
    if (options.clean) await rm(cacheDirOf(config, configFile), { recursive: true, force: true });
    return { dir: cacheDirOf(config, configFile), salt: await fingerprint() };
  };
  // Renderers passed in (tests) may write anything: only the built-in ones are known by the fingerprint.
  // --clean builds in full but still records what it built, so the next plain build finds out/ up to date.
  const inputs = options.renderers ? null : await currentInputs(options, outDirOf, await fingerprint());
  const previous = !options.clean && inputs && (await upToDate(cacheDirOf(inputs.config, inputs.configFile), inputs.outDir, inputs.hash));
  if (inputs && previous) return nothingToDo(inputs, previous, options.verify ?? false, started, stats, progress);

  stage.begin('read', 0);
  // Module loading overlaps the parse workers.
  const loadingRenderers = options.renderers ? Promise.resolve(options.renderers) : defaultRenderers();
  const { loadLadder } = await import('./commands/load-ladder.js');
  const loaded = await loadLadder(options.contentDir, options.configFile, readCache);
  const renderers = await loadingRenderers;
  const { diagnostics, config, ladder } = loaded;
  const outDir = config ? outDirOf(config, loaded.configFile) : (options.outDir ?? 'out');
  const result = (exitCode: number, rest: Partial<BuildResult> = {}): BuildResult => {
    stats.totalMs = performance.now() - started;
    progress.stop();
    const base = { diagnostics, usageError: null, environmentError: null, files: [], verifyProblems: null, outDir, contentDir: loaded.contentDir, configFile: loaded.configFile };
    return { ...base, ...rest, exitCode, stats };
  };
  if (loaded.configFailed || !config) return result(EXIT.usage);
  if (ladder) Object.assign(stats, { levels: ladder.levels.length, articles: ladder.articles.length });
  stats.cache.model = loaded.fromCache;
  stage.end('read', (ladder?.levels.length ?? 0) + (ladder?.articles.length ?? 0) + (ladder?.overview ? 1 : 0));
  const unknownLevels = (options.levels ?? []).filter((slug) => !ladder?.levels.some((level) => level.slug === slug));
  if (ladder && unknownLevels.length > 0) {
    const known = ladder.levels.map((level) => level.slug).join(', ');
    return result(EXIT.usage, { usageError: `unknown level ${unknownLevels.join(', ')} in --level (levels: ${known})` });
  }
  const referenceDocx = referenceDocxOf(config, loaded.configFile);
  const referenceBytes = referenceDocx === null ? null : await readFile(referenceDocx).catch(() => null);
  if (referenceDocx !== null && referenceBytes === null) {
    diagnostics.report('invalid-config', loaded.configFile ?? 'ladderpress.config', null, `Config "referenceDocx" names a file that cannot be read: ${referenceDocx}`);
    return result(EXIT.usage);
  }
  const outProblem = await checkOutDir(outDir, protectedDirs(loaded.contentDir, loaded.configFile));
  if (outProblem) return result(EXIT.usage, { usageError: outProblem });
  if (!ladder || failed(diagnostics, options.strict)) return result(EXIT.content);

  await cleanLeftovers(outDir);
  const cacheDir = cacheDirOf(config, loaded.configFile);
  const salt = JSON.stringify({ tool: await fingerprint(), config, site: ladder.site, reference: referenceBytes && sha(referenceBytes) });
  const cache = await RenderCache.open(cacheDir, salt);

  const formats = new Set<Format>(options.formats ?? config.formats);
  const context = renderContext(config, loaded.contentDir, formats, referenceDocx, signal, diagnostics, options);
  const only = options.levels && options.levels.length > 0 ? new Set(options.levels) : null;
  const wanted = <J extends RenderJob>(jobs: readonly J[]): J[] => jobs.filter((job) => !only || only.has(levelOf(job.path)));

  // Files go into the staging folder as they are made, so no stage holds all its outputs.
  const keepPrevious = only !== null || options.htmlOnly === true;
  const stager = await openStaging(outDir, { keep: (file) => keepPrevious && /\.(pdf|docx)$/.test(file), signal });
  let staged: StagedOut;
  let environmentError: string | null = null;
  try {
    const renderHtml = async (site: RenderContext): Promise<string[]> => {
      stage.begin('html', 0);
      const paths: string[] = [];
      if (formats.has('html')) {
        await renderers.renderSite(ladder, site, (file) => {
          paths.push(file.path);
          return stager.add(file);
        });
      }
      stage.end('html', paths.length);
      return paths;
    };
    // PDFs print in Chromium's processes and Word documents are made on worker threads (at scale):
    // start the printing first, then the Word documents, then render the site here while both run.
    let printing = (): void => {};
    const printingStarted = new Promise<void>((resolve) => (printing = resolve));
    const renderPdfs = async (): Promise<void> => {
      try {
        const jobs = wanted(await renderers.planPdfs(ladder, context));
        stage.begin('pdf', jobs.length);
        const print = (misses: readonly PdfJob[], emit: (file: OutputFile) => Promise<void>): Promise<void> => {
          const done = renderers.printPdfs(misses, context, async (file) => {
            await emit(file);
            stage.advance('pdf');
          });
          printing();
          return done;
        };
        await renderCached(jobs, cache, stager, print, (hits) => stage.cached('pdf', hits));
        stage.end('pdf', jobs.length);
      } finally {
        printing();
      }
    };
    const renderDocx = async (): Promise<void> => {
      const jobs = wanted(renderers.planDocx(ladder, context));
      stage.begin('docx', jobs.length);
      await renderCached(
        jobs,
        cache,
        stager,
        async (misses, emit) => {
          const { renderDocxJobs } = await import('./render/docx/render-docx-jobs.js');
          await renderDocxJobs(misses, {
            signal,
            emit: async (file) => {
              await emit(file);
              stage.advance('docx');
            },
          });
        },
        (hits) => stage.cached('docx', hits),
      );
      stage.end('docx', jobs.length);
    };
    const skipped = (name: Stage): Promise<void> => Promise.resolve(void stage.skip(name));
    if (!formats.has('pdf') || options.htmlOnly) printing();
    const docxDone = formats.has('docx') && !options.htmlOnly ? printingStarted.then(renderDocx) : skipped('docx');
    const html = printingStarted.then(() => renderHtml(context));
    await Promise.all([
      formats.has('pdf') && !options.htmlOnly
        ? renderPdfs().catch(async (error: unknown) => {
            if (!isBrowserNotFound(error) || signal.aborted) throw error;
            environmentError = error.message;
            stage.skip('pdf');
            // Without PDFs the site must not offer them: re-render it (HTML is cheap) without the format.
            formats.delete('pdf');
            for (const file of await html) await stager.remove(file);
            await renderHtml({ ...context, formats });
          })
        : skipped('pdf'),
      docxDone,
      html,
    ]);
    signal.throwIfAborted();
    if (failed(diagnostics, options.strict)) {
      await stager.discard();
      return result(EXIT.content);
    }

    stage.begin('write', 0);
    // The model cache wrote model.json's text once already: publish those bytes, not a second
    // serialisation (unless the cache could not be written).
    const modelJson = await loaded.modelJson?.();
    if (modelJson) await stager.add({ path: 'model.json', data: modelJson });
    else await stager.addChunks('model.json', modelJsonChunks(ladder));
    staged = await stager.finish((list) => buildManifest(ladder, TOOL_VERSION, list));
  } catch (error) {
    await stager.discard();
    throw error;
  }
  const published = staged.files;
  Object.assign(stats.files, {
    total: published.length,
    written: published.filter((f) => f.status === 'written').length,
    unchanged: published.filter((f) => f.status === 'unchanged').length,
    kept: published.filter((f) => f.status === 'kept').length,
  });
  stage.end('write', published.length);
  // Ctrl-C during a stage that finishes anyway must not be mistaken for that stage's result.
  const stopIfAborted = async (): Promise<void> => {
    if (!signal.aborted) return;
    await staged.discard();
    signal.throwIfAborted();
  };
  await stopIfAborted();
  if (options.verify) {
    // Read the new output back before it replaces the old one: a failed check publishes nothing.
    stage.begin('verify', 0);
    // Loaded only here: pdf.js's legacy build brings core-js, whose JSON.stringify replacement is 15
    // times slower and took a gigabyte more for the model at 500 levels; a build without --verify
    // must not pay for it.
    const { verifyOutput } = await import('./verify/verify-output.js');
    const problems = await verifyOutput(staged.dir, ladder, formats).catch(async (error: unknown) => {
      await staged.discard();
      throw error;
    });
    stage.end('verify', problems.length);
    await stopIfAborted();
    if (problems.length > 0) {
      await staged.discard();
      return result(EXIT.content, { verifyProblems: problems });
    }
  }
  await staged.commit();
  const partial = keepPrevious || environmentError !== null || formats.size < 3;
  stats.cache.pruned = await cache.prune(outDir, partial);
  if (inputs && environmentError === null) {
    // Best effort, like every cache write: without a record the next build only runs in full.
    await recordBuild(cacheDir, outDir, { inputs: inputs.hash, diagnostics: diagnostics.all, levels: ladder.levels.length, articles: ladder.articles.length }).catch(() => undefined);
  }
  return result(environmentError ? EXIT.environment : EXIT.ok, { files: published, environmentError, verifyProblems: options.verify ? [] : null });
}

interface CurrentInputs {
  readonly hash: string;
  readonly config: ResolvedConfig;
  readonly configFile: string | null;
  readonly contentDir: string;
  readonly outDir: string;
}

/** The fingerprint of what this build would be made from; null when the config does not load (the full path reports why). */
async function currentInputs(options: BuildOptions, outDirOf: (config: ResolvedConfig, configFile: string | null) => string, tool: string): Promise<CurrentInputs | null> {
  const loaded = await loadConfig(process.cwd(), options.configFile, new Diagnostics());
  if (!loaded) return null;
  const { config, file } = loaded;
  const contentDir = options.contentDir ?? resolveFromConfig(file, config.content);
  const outDir = outDirOf(config, file);
  const hash = await inputsFingerprint({
    tool,
    contentDir: path.resolve(contentDir),
    outDir: path.resolve(outDir),
    templatesDir: TEMPLATES_DIR,
    configFile: file,
    config,
    referenceDocx: referenceDocxOf(config, file),
    options: { formats: options.formats, levels: options.levels ?? null, strict: options.strict, htmlOnly: options.htmlOnly ?? false, liveReload: options.liveReload ?? null, verify: options.verify ?? false },
  });
  return { hash, config, configFile: file, contentDir, outDir };
}

/** `out/` already holds what this build would write: repeat the last build's warnings and stop. */
async function nothingToDo(inputs: CurrentInputs, previous: BuildRecord, verify: boolean, started: number, stats: BuildStats, progress: Progress): Promise<BuildResult> {
  const diagnostics = new Diagnostics();
  for (const diagnostic of previous.diagnostics) diagnostics.add(diagnostic);
  const files = await publishedFiles(inputs.outDir);
  const documents = files.filter((file) => /\.(pdf|docx)$/.test(file.path)).length;
  for (const name of STAGES) stats.stages[name].state = 'skipped';
  Object.assign(stats, {
    levels: previous.levels,
    articles: previous.articles,
    upToDate: true,
    files: { total: files.length, written: 0, unchanged: files.length, kept: 0 },
    cache: { hits: documents, misses: 0, pruned: 0, model: true },
    totalMs: performance.now() - started,
  });
  progress.stop();
  const { outDir, contentDir, configFile } = inputs;
  return { exitCode: EXIT.ok, diagnostics, usageError: null, environmentError: null, files, verifyProblems: verify ? [] : null, stats, outDir, contentDir, configFile };
}

/** The config's reference .docx as an absolute path, or null. */
function referenceDocxOf(config: ResolvedConfig, configFile: string | null): string | null {
  return config.referenceDocx === null ? null : path.resolve(resolveFromConfig(configFile, config.referenceDocx));
}

function renderContext(
  config: ResolvedConfig,
  contentDir: string,
  formats: ReadonlySet<Format>,
  referenceDocx: string | null,
  signal: AbortSignal,
  diagnostics: Diagnostics,
  options: BuildOptions,
): RenderContext {
  return {
    formats,
    templatesDir: TEMPLATES_DIR,
    contentDir,
    concurrency: options.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism())),
    referenceDocx,
    browserExecutable: config.browser.executablePath,
    documentTimeoutMs: config.limits.documentTimeoutMs,
    toolVersion: TOOL_VERSION,
    liveReload: options.liveReload ?? null,
    signal,
    diagnostics,
  };
}

/** The level a PDF or DOCX belongs to: `vp.pdf`, `vp-profile.pdf`, `vp.docx` → "vp"; books → "". */
function levelOf(file: string): string {
  return path.posix.basename(file).replace(/(-profile)?\.(pdf|docx)$/, '');
}

function failed(diagnostics: Diagnostics, strict: boolean): boolean {
  return diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0);
}

/** The PDF renderer's BrowserNotFoundError, matched by name so this module does not import puppeteer's side. */
function isBrowserNotFound(error: unknown): error is Error {
  return error instanceof Error && error.name === 'BrowserNotFoundError';
}
