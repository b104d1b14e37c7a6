import type { BuildStats, Stage } from './build-stats.js';

/** Shows a build's progress; the build calls `update` whenever its stats change. */
export interface Progress {
  /** `stage` changed state or count; `stats` is the whole picture. */
  update(stats: BuildStats, stage: Stage): void;
  /** The build is over: a live display clears itself so the summary follows cleanly. */
  stop(): void;
}

export const silentProgress: Progress = { update() {}, stop() {} };
