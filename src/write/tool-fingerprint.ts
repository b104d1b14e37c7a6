import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

let memo: Promise<string> | null = null;

/**
 * The tool's version plus a hash of its own source, for the cache key: a renderer fix changes the
 * output without changing the version number, and a stale PDF after an upgrade would be a lie.
 * Hashing ~100 small files takes a few milliseconds, once per process.
 */
export function toolFingerprint(version: string, sourceDir: string): Promise<string> {
  memo ??= (async () => {
    const hash = createHash('sha256').update(version);
    const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update('\0').update(path.relative(sourceDir, file)).update('\0').update(await readFile(file));
    return `${version}+${hash.digest('hex').slice(0, 16)}`;
  })();
  return memo;
}
