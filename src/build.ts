import { resolveSettings, type Settings, type SettingsRequest } from './config/resolve-settings.js';
import { EXIT } from './exit-codes.js';
import { FORMATS, formatsNamed, type FormatName } from './formats.js';
import type { Progress } from './progress/progress.js';
import type { OutputFormat } from './render/output-format.js';
import type { BuildBrowser } from './render/pdf/build-browser.js';
import { EnvironmentError } from './failures.js';
import { capHeapGrowthWhenPrinting } from './heap-growth.js';
import { startRun, type BuildOutcome, type BuildPlaces, type BuildRun } from './stages/build-run.js';
import { publishStage, verifyStage } from './stages/publish-stage.js';
import { checkStage, readStage } from './stages/read-stage.js';
import { stageOutput, type Staged } from './stages/stage-output.js';
import { inputsChangedDuringBuild, nothingToDo, previousBuild } from './stages/up-to-date-stage.js';
import { TOOL_VERSION } from './tool-version.js';
import { toolFingerprint } from './write/tool-fingerprint.js';

export { PROJECT_ROOT } from './project-root.js';
export type { BuildOutcome } from './stages/build-run.js';

export interface BuildOptions extends SettingsRequest {
  /** Settings resolved already (dev, once per rebuild for both its passes): the config is not loaded again. */
  readonly settings?: Settings;
  /** null: the config's formats. */
  readonly formats: readonly FormatName[] | null;
  readonly strict: boolean;
  readonly concurrency: number | null;
  /** Render the documents of these levels only (no books); the previous ones of the rest are kept. */
  readonly levels?: readonly string[] | null;
  /** Empty the render cache first. */
  readonly clean?: boolean;
  /** Aborting stops the build (Ctrl-C); `out/` is then left as it was. */
  readonly signal?: AbortSignal;
  readonly progress?: Progress;
  /** Live-reload script URL for `ladderpress dev`. */
  readonly liveReload?: string | null;
  /** Render the site only and keep the previous documents (dev's first, fast pass). */
  readonly htmlOnly?: boolean;
  /** The format list, instead of FORMATS (tests pass counting wrappers). */
  readonly outputs?: readonly OutputFormat[];
  /** Read the output back and check it (outline, styles, links, every source text) before publishing. */
  readonly verify?: boolean;
  /** The process is the CLI's own: in a build that prints, V8's heap growth is capped (heap-growth.ts). */
  readonly capHeapWhenPrinting?: boolean;
}

/** The pipeline: settings → (up to date?) → read → check → render every format → verify → publish. */
export async function build(options: BuildOptions): Promise<BuildOutcome> {
  const run = startRun(options);
  const settings = options.settings ?? (await resolveSettings(options, run.diagnostics));
  if (!settings) return run.result(EXIT.usage, { outDir: options.outDir ?? 'out', contentDir: options.contentDir ?? 'content', configFile: options.configFile });
  const places = { outDir: settings.outDir, contentDir: settings.contentDir, configFile: settings.configFile };
  try {
    return await buildWith(run, settings, places, options);
  } catch (error) {
    // The machine failed the build (where the output goes, time): an outcome, not a crash.
    if (error instanceof EnvironmentError && !run.signal.aborted) return run.result(error.failure.exitCode, places, { failure: error.failure });
    throw error;
  }
}

async function buildWith(run: BuildRun, settings: Settings, places: BuildPlaces, options: BuildOptions): Promise<BuildOutcome> {
  const tool = await toolFingerprint(TOOL_VERSION);
  // Formats passed in (tests) may write anything: only the built-in ones are known by the fingerprint.
  // --clean builds in full but still records what it built, so the next plain build finds out/ up to date.
  const previous = options.outputs ? null : await previousBuild(settings, options, tool);
  if (previous?.record && !options.clean) return nothingToDo(run, settings, previous.record, options.verify ?? false);

  const formats = formatsNamed(options.formats ?? settings.config.formats, options.outputs ?? FORMATS);
  // From the read on, not only once the browser starts: V8 sets a heap's next limit at each full
  // collection, and the limit the read left would let the main heap grow that far first.
  const uncapHeap = options.capHeapWhenPrinting && prints(formats, options) ? capHeapGrowthWhenPrinting() : null;
  try {
    return await renderAndPublish(run, settings, places, options, { tool, previous, formats });
  } finally {
    uncapHeap?.();
  }
}

async function renderAndPublish(run: BuildRun, settings: Settings, places: BuildPlaces, options: BuildOptions, { tool, previous, formats }: { tool: string; previous: Awaited<ReturnType<typeof previousBuild>> | null; formats: readonly OutputFormat[] }): Promise<BuildOutcome> {
  const loaded = await readStage(run, settings, formats, { clean: options.clean ?? false, tool, ...(previous ? { dates: previous.dates } : {}) });
  const checked = await checkStage(run, settings, loaded.ladder, formats, options);
  if (!checked.ok) return run.result(checked.exitCode, places, { failure: checked.failure });
  const { ladder } = checked;
  const browser = await browserFor(formats, settings, options);
  let staged: Staged | null;
  try {
    staged = await stageOutput(run, settings, ladder, loaded, formats, checked.referenceBytes, { ...options, tool, browser });
  } finally {
    await browser?.close();
  }
  if (!staged) return run.result(EXIT.content, places);
  const verifyProblems = await verifyStage(run, staged, ladder, options.verify ?? false);
  if (verifyProblems && verifyProblems.length > 0) return run.result(EXIT.content, places, { verifyProblems });
  const changed = previous !== null && (await inputsChangedDuringBuild(settings, previous.inputs, run.diagnostics));
  if (changed && options.strict) {
    await staged.out.discard();
    return run.result(EXIT.content, places);
  }
  await publishStage(run, settings, staged, ladder, changed ? null : (previous?.inputs.digest ?? null));
  return run.result(staged.failure ? staged.failure.exitCode : EXIT.ok, places, { files: staged.out.files, failure: staged.failure, verifyProblems });
}

/** Whether a browser prints in this build (dev's first pass makes the site only). */
function prints(formats: readonly OutputFormat[], options: BuildOptions): boolean {
  return !options.htmlOnly && formats.some((format) => format.kind === 'documents' && format.needs === 'browser');
}

/**
 * The browser of the formats that print, started once the content is known to be sound, so that it
 * starts while the documents are planned (see build-browser.ts); null when nothing of this build prints.
 */
async function browserFor(formats: readonly OutputFormat[], settings: Settings, options: BuildOptions): Promise<BuildBrowser | null> {
  if (!prints(formats, options)) return null;
  const { startBuildBrowser } = await import('./render/pdf/build-browser.js');
  return startBuildBrowser(settings.config.browser.executablePath, settings.config.limits.documentTimeoutMs);
}
