import path from 'node:path';
import type { Settings } from '../config/resolve-settings.js';
import { Diagnostics } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { STAGES } from '../progress/build-stats.js';
import type { ContentDates } from '../read/content-date.js';
import { datesFromContent } from '../read/load-ladder.js';
import { changedFiles, inputFiles, inputsFingerprint, publishedFiles, upToDate, type BuildRecord, type InputsFingerprint } from '../write/build-record.js';
import type { BuildOutcome, BuildRun } from './build-run.js';

/** Build options that change what is written (formats, --level, --strict, --verify…). */
export interface OutputOptions {
  readonly formats: readonly string[] | null;
  readonly levels?: readonly string[] | null;
  readonly strict: boolean;
  readonly htmlOnly?: boolean;
  readonly liveReload?: string | null;
  readonly verify?: boolean;
}

/**
 * The fingerprint of what this build is made from, and the last build's record when `out/` already
 * holds it; with the content's dates, which the read stage takes from here rather than asking git again.
 */
export async function previousBuild(settings: Settings, options: OutputOptions, tool: string): Promise<{ inputs: InputsFingerprint; record: BuildRecord | null; dates: ContentDates | null }> {
  const dates = await datesFromContent(settings);
  const inputs = await fingerprint(settings, options, tool, dates);
  return { inputs, record: await upToDate(settings.cacheDir, settings.outDir, inputs.digest), dates };
}

/**
 * A file edited, added or removed while the build ran (an editor saving, a git checkout): the output
 * may mix old and new text, so the build says so and leaves no record — the next build runs in full
 * rather than finding out/ "up to date" with what it never read.
 */
export async function inputsChangedDuringBuild(settings: Settings, before: InputsFingerprint, diagnostics: Diagnostics): Promise<boolean> {
  // The files alone: the settings, options and dates were taken once, at the start.
  const changed = changedFiles(before.files, await inputFiles({ contentDir: path.resolve(settings.contentDir), templatesDir: settings.templatesDir }));
  for (const file of changed) diagnostics.report('changed-during-build', path.relative(process.cwd(), file) || file, null, 'This file changed while the build was reading the content: the output may mix its old and new text.');
  return changed.length > 0;
}

async function fingerprint(settings: Settings, options: OutputOptions, tool: string, dates: ContentDates | null): Promise<InputsFingerprint> {
  return inputsFingerprint({
    tool,
    contentDir: path.resolve(settings.contentDir),
    outDir: path.resolve(settings.outDir),
    templatesDir: settings.templatesDir,
    configFile: settings.configFile,
    config: settings.config,
    referenceDocx: settings.referenceDocx,
    // Dates from git or the files' times change without a byte of content changing (a commit, a touch).
    dates,
    options: { formats: options.formats, levels: options.levels ?? null, strict: options.strict, htmlOnly: options.htmlOnly ?? false, liveReload: options.liveReload ?? null, verify: options.verify ?? false },
  });
}

/** `out/` already holds what this build would write: repeat the last build's warnings and stop. */
export async function nothingToDo(run: BuildRun, settings: Settings, previous: BuildRecord, verify: boolean): Promise<BuildOutcome> {
  const diagnostics = new Diagnostics();
  for (const diagnostic of previous.diagnostics) diagnostics.add(diagnostic);
  const files = await publishedFiles(settings.outDir);
  for (const name of STAGES) run.stats.stages[name].state = 'skipped';
  Object.assign(run.stats, {
    levels: previous.levels,
    articles: previous.articles,
    upToDate: true,
    files: { total: files.length, written: 0, unchanged: files.length, kept: 0 },
    cache: { hits: previous.documents, misses: 0, pruned: 0, model: true },
  });
  const { outDir, contentDir, configFile } = settings;
  return run.result(EXIT.ok, { outDir, contentDir, configFile }, { diagnostics, files, verifyProblems: verify ? [] : null });
}
