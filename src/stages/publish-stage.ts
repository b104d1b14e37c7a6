import type { Settings } from '../config/resolve-settings.js';
import type { Ladder } from '../model/types.js';
import type { VerifyProblem } from '../verify/verify-output.js';
import { recordBuild } from '../write/build-record.js';
import type { BuildRun } from './build-run.js';
import type { Staged } from './stage-output.js';

/** Counts the staged files and, with --verify, reads them back; the problems found (null: not verified). Nothing is published. */
export async function verifyStage(run: BuildRun, staged: Staged, ladder: Ladder, verify: boolean): Promise<readonly VerifyProblem[] | null> {
  const published = staged.out.files;
  Object.assign(run.stats.files, {
    total: published.length,
    written: published.filter((f) => f.status === 'written').length,
    unchanged: published.filter((f) => f.status === 'unchanged').length,
    kept: published.filter((f) => f.status === 'kept').length,
  });
  run.stage.end('write', published.length);
  await stopIfAborted(run, staged);
  if (!verify) return null;
  // Read the new output back before it replaces the old one: a failed check publishes nothing.
  run.stage.begin('verify', 0);
  // Loaded only here: pdf.js's legacy build brings core-js, whose JSON.stringify replacement is 15
  // times slower and took a gigabyte more for the model at 500 levels; a build without --verify
  // must not pay for it.
  const { verifyOutput } = await import('../verify/verify-output.js');
  const problems = await verifyOutput(staged.out.dir, ladder, new Set(staged.formats.map((format) => format.name))).catch(async (error: unknown) => {
    await staged.out.discard();
    throw error;
  });
  run.stage.end('verify', problems.length);
  await stopIfAborted(run, staged);
  if (problems.length > 0) await staged.out.discard();
  return problems;
}

/** Swaps the staged output in for `out/`, prunes the cache and remembers the build for the next one. */
export async function publishStage(run: BuildRun, settings: Settings, staged: Staged, ladder: Ladder, inputs: string | null): Promise<void> {
  await staged.out.commit();
  run.stats.cache.pruned = await staged.cache.prune(settings.outDir, staged.partial);
  if (inputs === null || staged.failure !== null) return;
  const documents = staged.out.files.filter((file) => staged.documents.has(file.path)).length;
  const record = { inputs, diagnostics: run.diagnostics.all, levels: ladder.levels.length, articles: ladder.articles.length, documents };
  // Best effort, like every cache write: without a record the next build only runs in full.
  await recordBuild(settings.cacheDir, settings.outDir, record).catch(() => undefined);
}

/** Ctrl-C during a stage that finishes anyway must not be mistaken for that stage's result. */
async function stopIfAborted(run: BuildRun, staged: Staged): Promise<void> {
  if (!run.signal.aborted) return;
  await staged.out.discard();
  run.signal.throwIfAborted();
}
