import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './is-alive.js';
import { realOutDir } from './real-out-dir.js';

/**
 * Removes `out.tmp-<pid>` and `out.old-<pid>` folders that builds killed without a chance to clean
 * up (kill -9, power loss) left beside the output. Folders of builds still running are left alone.
 * If a build died between its two renames, `out/` is missing and its `out.old-<pid>` is put back.
 */
export async function cleanLeftovers(givenOutDir: string): Promise<string[]> {
  const outDir = await realOutDir(givenOutDir).catch(() => path.resolve(givenOutDir));
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(tmp|old)-(\\d+)(?:-\\d+)?$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  const outExists = await stat(outDir).then(() => true, () => false);
  let restored = outExists;
  for (const entry of entries.sort()) {
    const match = pattern.exec(entry);
    if (!match || isAlive(Number(match[2]))) continue;
    const full = path.join(parent, entry);
    if (match[1] === 'old' && !restored) {
      await rename(full, outDir);
      restored = true;
      continue;
    }
    await rm(full, { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
