import type { OutputFile } from '../render/render-context.js';
import type { BuildStats, Stage } from './build-stats.js';
import type { Progress } from './progress.js';

/** Counts and times the stages, and tells the progress display. */
export type StageTracker = ReturnType<typeof stageTracker>;

export function stageTracker(stats: BuildStats, progress: Progress) {
  const began = new Map<Stage, number>();
  const update = (name: Stage): void => progress.update(stats, name);
  return {
    begin(name: Stage, total: number) {
      began.set(name, performance.now());
      Object.assign(stats.stages[name], { state: 'running', total, done: 0, cached: 0, checked: false });
      update(name);
    },
    cached(name: Stage, count: number) {
      Object.assign(stats.stages[name], { cached: count, done: count, checked: true });
      stats.cache.hits += count;
      stats.cache.misses += stats.stages[name].total - count;
      update(name);
    },
    advance(name: Stage) {
      stats.stages[name].done += 1;
      update(name);
    },
    end(name: Stage, total: number) {
      Object.assign(stats.stages[name], { state: 'done', total, done: total, ms: performance.now() - (began.get(name) ?? performance.now()) });
      update(name);
    },
    skip(name: Stage): OutputFile[] {
      stats.stages[name].state = 'skipped';
      update(name);
      return [];
    },
  };
}
