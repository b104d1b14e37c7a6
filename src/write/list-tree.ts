import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Files under `dir` (following links), relative with POSIX separators, sorted; `.git` is skipped. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').includes('.git'));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
