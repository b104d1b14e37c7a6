import { readFile } from 'node:fs/promises';
import { checkOutputNames } from '../check-output-names.js';
import type { Settings } from '../config/resolve-settings.js';
import { EXIT } from '../exit-codes.js';
import { failure, type Failure } from '../failures.js';
import type { Ladder } from '../model/types.js';
import type { OutputFormat } from '../render/output-format.js';
import type { ContentDates } from '../read/content-date.js';
import { loadLadder, type LoadedLadder } from '../read/load-ladder.js';
import { checkOutDir } from '../write/check-out-dir.js';
import { failed, type BuildRun } from './build-run.js';

/** Content → model, from the read cache where it can be; the formats' renderers load meanwhile. */
export async function readStage(run: BuildRun, settings: Settings, formats: readonly OutputFormat[], options: { readonly clean: boolean; readonly tool: string; readonly dates?: ContentDates | null }): Promise<LoadedLadder> {
  run.stage.begin('read', 0);
  // Module loading overlaps the parse workers (node keeps what was imported for the render stage).
  void Promise.all(formats.map((format) => format.load())).catch(() => undefined);
  // Nothing is cached (written) for an output folder the build will refuse: the cache sits beside it.
  const refused = await checkOutDir(settings.outDir, settings.protectedDirs);
  // --clean takes nothing from the cache and fills it again; deleting it would pull files from under
  // another build sharing it (the dev server, a second output folder).
  const loaded = await loadLadder(settings, run.diagnostics, refused ? null : { dir: settings.cacheDir, salt: options.tool, reuse: !options.clean }, options.dates);
  const { ladder } = loaded;
  if (ladder) Object.assign(run.stats, { levels: ladder.levels.length, articles: ladder.articles.length });
  run.stats.cache.model = loaded.fromCache;
  run.stage.end('read', (ladder?.levels.length ?? 0) + (ladder?.articles.length ?? 0) + (ladder?.overview ? 1 : 0));
  return loaded;
}

export type Checked = { readonly ok: true; readonly ladder: Ladder; readonly referenceBytes: Uint8Array | null } | { readonly ok: false; readonly exitCode: number; readonly failure: Failure | null };

/** Whatever stops a build before anything is rendered: unknown --level, unreadable reference .docx, a refused output folder, content errors (output names that clash among them). */
export async function checkStage(run: BuildRun, settings: Settings, ladder: Ladder | null, formats: readonly OutputFormat[], options: { readonly levels?: readonly string[] | null; readonly strict: boolean }): Promise<Checked> {
  const unknownLevels = (options.levels ?? []).filter((slug) => !ladder?.levels.some((level) => level.slug === slug));
  if (ladder && unknownLevels.length > 0) {
    const known = ladder.levels.map((level) => level.slug).join(', ');
    return { ok: false, exitCode: EXIT.usage, failure: failure('usage', { problem: `unknown level ${unknownLevels.join(', ')} in --level (levels: ${known})` }) };
  }
  const { referenceDocx } = settings;
  const referenceBytes = referenceDocx === null ? null : await readFile(referenceDocx).catch(() => null);
  if (referenceDocx !== null && referenceBytes === null) {
    run.diagnostics.report('invalid-config', settings.configFile ?? 'ladderpress.config', null, `Config "referenceDocx" names a file that cannot be read: ${referenceDocx}`);
    return { ok: false, exitCode: EXIT.usage, failure: null };
  }
  const outProblem = await checkOutDir(settings.outDir, settings.protectedDirs);
  if (outProblem) return { ok: false, exitCode: EXIT.usage, failure: failure('usage', { problem: outProblem }) };
  if (ladder) checkOutputNames(ladder, formats, settings.contentDir, run.diagnostics);
  if (!ladder || failed(run.diagnostics, options.strict)) return { ok: false, exitCode: EXIT.content, failure: null };
  return { ok: true, ladder, referenceBytes };
}
