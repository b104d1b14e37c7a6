import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where rendered documents are cached: `node_modules/.cache/ladderpress` like other tools (ignored
 * by git, wiped by a clean install), else `.ladderpress-cache` beside the output folder.
 */
export function defaultCacheDir(outDir: string, cwd: string = process.cwd()): string {
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join(cwd, 'node_modules', '.cache', 'ladderpress');
  return path.join(path.dirname(path.resolve(cwd, outDir)), '.ladderpress-cache');
}
