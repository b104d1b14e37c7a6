import path from 'node:path';
import type { BuildOutcome } from '../build.js';
import { formatMs } from '../progress/format-stats.js';

/**
 * The end-of-build line: where, how long, how much was written and reused. Time and counts per
 * stage are already on screen, from the live display or the plain progress lines.
 */
export function printSummary(result: BuildOutcome, write: (line: string) => void): void {
  const { stats } = result;
  const where = path.relative(process.cwd(), result.outDir) || result.outDir;
  const documents = `${stats.levels} levels, ${stats.articles} articles`;
  const files = `${stats.files.total} files (${stats.files.written} written, ${stats.files.unchanged} unchanged${stats.files.kept ? `, ${stats.files.kept} kept` : ''})`;
  if (stats.upToDate) {
    write(`${where}/ is up to date (${formatMs(stats.totalMs)}): nothing changed since the last build; ${files}`);
    return;
  }
  write(`built ${where}/ in ${formatMs(stats.totalMs)}: ${documents}, ${files}, ${stats.cache.hits} of ${stats.cache.hits + stats.cache.misses} documents from the cache`);
}
