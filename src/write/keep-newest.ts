import { rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Removes all but the `count` most recently modified of `names` (files in `dir`): how caches stay bounded. */
export async function keepNewest(dir: string, names: readonly string[], count: number): Promise<void> {
  if (names.length <= count) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(count)) await rm(path.join(dir, name), { force: true });
}
