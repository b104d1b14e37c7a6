import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model/types.js';

/** A read of the content as it is kept: the model and the problems found while reading it. */
export interface CachedRead {
  readonly ladder: Ladder | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads kept at most: the latest few (the dev server and `out/` alternate between two). */
const KEEP = 8;

/**
 * The model of content read before, keyed by the SHA-256 of every input file's path and bytes plus
 * what else the reader depends on (`salt`: tool fingerprint, site settings, limits, working folder).
 * The model is plain JSON by design, so a rebuild with no content change skips parsing altogether.
 */
export async function cachedRead(cacheDir: string, files: readonly { file: string; bytes: Uint8Array }[], salt: string, read: () => Promise<CachedRead>): Promise<CachedRead & { hit: boolean }> {
  const hash = createHash('sha256').update(salt);
  for (const { file, bytes } of files) hash.update('\0').update(file).update('\0').update(String(bytes.byteLength)).update('\0').update(bytes);
  const dir = path.join(cacheDir, 'models');
  const entry = path.join(dir, `${hash.digest('hex')}.json`);
  const cached = await readFile(entry, 'utf8').then((text) => JSON.parse(text) as CachedRead, () => null);
  if (cached) return { ...cached, hit: true };
  const fresh = await read();
  await mkdir(dir, { recursive: true });
  await writeFile(`${entry}.tmp-${process.pid}`, JSON.stringify(fresh));
  await rename(`${entry}.tmp-${process.pid}`, entry);
  await pruneOldest(dir);
  return { ...fresh, hit: false };
}

async function pruneOldest(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(KEEP)) await rm(path.join(dir, name), { force: true });
}
