import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../project-root.js';

/** Written beside the bundle by scripts/bundle.ts: the hash of the bundle's code. */
export const CODE_FINGERPRINT_FILE = 'code-fingerprint.txt';

let memo: Promise<string> | null = null;

/**
 * The tool's version plus a hash of the code that runs, for the cache key: a renderer fix changes
 * the output without changing the version number, and a stale PDF after an upgrade would be a lie.
 * Compiled, that is the bundle, hashed once when it was made (hashing it at every start cost a
 * cold build of 5 levels about 80 ms); from source (tsx), the sources under src/, so an edit not
 * compiled yet counts.
 */
export function toolFingerprint(version: string): Promise<string> {
  memo ??= (async () => `${version}+${await codeHash()}`)();
  return memo;
}

async function codeHash(): Promise<string> {
  if (import.meta.url.endsWith('.ts')) return hashFolder(path.join(PROJECT_ROOT, 'src'));
  const bundle = path.dirname(fileURLToPath(import.meta.url));
  const written = await readFile(path.join(bundle, CODE_FINGERPRINT_FILE), 'utf8').catch(() => null);
  // A bundle made without its fingerprint file (not by scripts/bundle.ts) is hashed as that script would.
  return written?.trim() ?? bundleHash(bundle);
}

/** The bundle's code: the JavaScript files at the top of its folder (chunks and entries; not maps or type declarations). */
export function bundleHash(dir: string): Promise<string> {
  return hashFolder(dir, (file) => path.dirname(file) === dir && file.endsWith('.js'));
}

/** Every file under `dir` that `accept` takes, paths and bytes, in path order. */
async function hashFolder(dir: string, accept: (file: string) => boolean = () => true): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(accept)
    .sort();
  const contents = await Promise.all(files.map((file) => readFile(file)));
  files.forEach((file, index) => hash.update('\0').update(path.relative(dir, file)).update('\0').update(contents[index] as Buffer));
  return hash.digest('hex').slice(0, 16);
}
