import path from 'node:path';
import type { BuildResult } from '../build.js';
import { STAGES } from '../progress/build-stats.js';
import { describeStage, formatMs } from '../progress/format-stats.js';

/** The end-of-build summary: where, how long, and what each stage did. */
export function printSummary(result: BuildResult, write: (line: string) => void): void {
  const { stats } = result;
  const where = path.relative(process.cwd(), result.outDir) || result.outDir;
  write(`built ${where}/ in ${formatMs(stats.totalMs)}: ${stats.levels} levels, ${stats.articles} articles, ${stats.files.total} files (${stats.files.written} written), ${stats.cache.hits} cache hits`);
  for (const stage of STAGES) {
    const s = stats.stages[stage];
    if (s.state === 'skipped' || s.state === 'pending') continue;
    write(`  ${stage.padEnd(5)}  ${formatMs(s.ms).padStart(7)}  ${describeStage(stage, s, stats)}`);
  }
}
