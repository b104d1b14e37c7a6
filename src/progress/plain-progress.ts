import type { BuildStats, Stage } from './build-stats.js';
import { describeStage, formatMs, isDocumentStage } from './format-stats.js';
import type { Progress } from './progress.js';

/**
 * For CI logs and pipes: a line when each stage ends, and one when PDFs or Word documents start
 * rendering (the slow part, so a log shows what a stuck build was doing).
 */
export function plainProgress(write: (line: string) => void): Progress {
  const started = new Set<Stage>();
  const ended = new Set<Stage>();
  return {
    update(stats: BuildStats, stage: Stage) {
      const s = stats.stages[stage];
      const slow = isDocumentStage(stage);
      if (s.state === 'running' && slow && s.checked && s.total > s.cached && !started.has(stage)) {
        started.add(stage);
        write(`${stage}: rendering ${s.total - s.cached} of ${s.total} (${s.cached} from cache)…`);
      }
      if (s.state === 'done' && !ended.has(stage)) {
        ended.add(stage);
        write(`${stage}: ${describeStage(stage, s, stats)} (${formatMs(s.ms)})`);
      }
    },
    stop() {},
  };
}
