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
import { FORMATS, formatsNamed, type FormatName } from './formats.js';
import type { OutputFormat } from './render/output-format.js';
import type { RenderContext } from './render/render-context.js';
import { renderFormats } from './stages/render-formats.js';
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

export interface BuildOptions {
  /** null: the config's `content`. */
  readonly contentDir: string | null;
  /** null: the config's `out`. */
  readonly outDir: string | null;
  readonly configFile: string | null;
  /** null: the config's formats. */
  readonly formats: readonly FormatName[] | null;
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
  /** The format list, instead of FORMATS (tests pass counting wrappers). */
  readonly outputs?: readonly OutputFormat[];
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
  const inputs = options.clean || options.outputs ? null : await currentInputs(options, outDirOf, await fingerprint());
  const previous = inputs && (await upToDate(cacheDirOf(inputs.config, inputs.configFile), inputs.outDir, inputs.hash));
  if (inputs && previous) return nothingToDo(inputs, previous, options.verify ?? false, started, stats, progress);

  stage.begin('read', 0);
  // Module loading overlaps the parse workers (node keeps what was imported for the render stage).
  void Promise.all((options.outputs ?? FORMATS).map((format) => format.load())).catch(() => undefined);
  const { loadLadder } = await import('./commands/load-ladder.js');
  const loaded = await loadLadder(options.contentDir, options.configFile, readCache);
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

  const formats = formatsNamed(options.formats ?? config.formats, options.outputs ?? FORMATS);
  const context = renderContext(config, loaded.contentDir, formats, referenceDocx, signal, diagnostics, options);
  const only = options.levels && options.levels.length > 0 ? new Set(options.levels) : null;
  const documentFormats = formats.filter((format) => format.kind === 'documents');
  const documentPaths = new Set([...documentFormats.flatMap((format) => format.ladder.map((file) => file.path)), ...ladder.levels.flatMap((level) => documentFormats.flatMap((format) => format.level.map((file) => file.path(level.slug))))]);

  // Files go into the staging folder as they are made, so no stage holds all its outputs.
  const keepPrevious = only !== null || options.htmlOnly === true;
  const stager = await openStaging(outDir, { keep: (file) => keepPrevious && documentPaths.has(file), signal });
  let staged: StagedOut;
  let environmentError: string | null = null;
  let written: readonly OutputFormat[];
  try {
    const render = options.htmlOnly ? formats.filter((format) => format.kind === 'site') : formats;
    ({ formats: written, environmentError } = await renderFormats({ ladder, context, formats, render, levels: only, cache, stager, stage }));
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
    const problems = await verifyOutput(staged.dir, ladder, new Set(written.map((format) => format.name))).catch(async (error: unknown) => {
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
  const partial = keepPrevious || written.length < FORMATS.length;
  stats.cache.pruned = await cache.prune(outDir, partial);
  if (inputs && environmentError === null) {
    // Best effort, like every cache write: without a record the next build only runs in full.
    const documents = published.filter((file) => documentPaths.has(file.path)).length;
    await recordBuild(cacheDir, outDir, { inputs: inputs.hash, diagnostics: diagnostics.all, levels: ladder.levels.length, articles: ladder.articles.length, documents }).catch(() => undefined);
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
  for (const name of STAGES) stats.stages[name].state = 'skipped';
  Object.assign(stats, {
    levels: previous.levels,
    articles: previous.articles,
    upToDate: true,
    files: { total: files.length, written: 0, unchanged: files.length, kept: 0 },
    cache: { hits: previous.documents, misses: 0, pruned: 0, model: true },
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
  formats: readonly OutputFormat[],
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

function failed(diagnostics: Diagnostics, strict: boolean): boolean {
  return diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0);
}
