import { Diagnostics } from '../diagnostics.js';
import type { Failure } from '../failures.js';
import { emptyStats, type BuildStats } from '../progress/build-stats.js';
import { silentProgress, type Progress } from '../progress/progress.js';
import { stageTracker, type StageTracker } from '../progress/stage-tracker.js';
import type { PublishedFile } from '../write/published-file.js';
import type { VerifyProblem } from '../verify/verify-output.js';

/** How a build ended, whichever way: the one thing build() returns and the printers report. */
export interface BuildOutcome {
  readonly exitCode: number;
  readonly diagnostics: Diagnostics;
  /**
   * What stopped the run, or left a format out, beyond the content's diagnostics: a usage mistake
   * (unknown --level, a refused output folder) or the machine (no browser: the rest was published).
   */
  readonly failure: Failure | null;
  readonly files: readonly PublishedFile[];
  /** What --verify found (nothing was published when not empty); null when it did not run. */
  readonly verifyProblems: readonly VerifyProblem[] | null;
  readonly stats: BuildStats;
  readonly outDir: string;
  readonly contentDir: string;
  readonly configFile: string | null;
}

/** Where a build's result says it read and wrote. */
export type BuildPlaces = Pick<BuildOutcome, 'outDir' | 'contentDir' | 'configFile'>;

/** One build's running state: its clock, stats, progress and problems, and how it ends. */
export interface BuildRun {
  readonly diagnostics: Diagnostics;
  readonly stats: BuildStats;
  readonly stage: StageTracker;
  readonly signal: AbortSignal;
  /** Stops the clock and the progress display and says how the build ended. */
  result(exitCode: number, places: BuildPlaces, rest?: Partial<BuildOutcome>): BuildOutcome;
}

export function startRun(options: { readonly progress?: Progress; readonly signal?: AbortSignal }): BuildRun {
  const started = performance.now();
  const stats = emptyStats();
  const progress = options.progress ?? silentProgress;
  const diagnostics = new Diagnostics();
  return {
    diagnostics,
    stats,
    stage: stageTracker(stats, progress),
    signal: options.signal ?? new AbortController().signal,
    result(exitCode, places, rest = {}) {
      stats.totalMs = performance.now() - started;
      progress.stop();
      return { diagnostics, failure: null, files: [], verifyProblems: null, ...places, ...rest, exitCode, stats };
    },
  };
}

/** Errors stop a build, and so do warnings with --strict. */
export function failed(diagnostics: Diagnostics, strict: boolean): boolean {
  return diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0);
}
