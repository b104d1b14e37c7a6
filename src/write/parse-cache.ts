import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseTask } from '../read/parse-document.js';
import type { ParseCache } from '../read/read-ladder.js';

/** Entries kept besides those of the latest read: old versions of edited files, other content folders. */
const MIN_SPARE = 64;

const WRITES_AT_ONCE = 16;

/**
 * Each file's parse outcome, keyed by the SHA-256 of everything the outcome depends on: the task
 * (kind, path as stored and as shown in diagnostics, slug, input limits, bytes) and `salt` (the
 * tool's fingerprint). After a one-file edit only that file is parsed again; the ladder-wide steps
 * (links, related levels) still run over every document. The outcome is kept as the JSON a fresh
 * parse gives, so diagnostics and model are the same whether a file came from here or not.
 */
export function parseCache(cacheDir: string, salt: string): ParseCache {
  const dir = path.join(cacheDir, 'parsed');
  const used = new Set<string>();
  const entryOf = (task: ParseTask): string => {
    const { kind, file, shownFile, slug, limits, bytes } = task;
    const head = JSON.stringify({ salt, kind, file, shownFile, slug, limits });
    const name = `${createHash('sha256').update(head).update('\0').update(bytes).digest('hex')}.json`;
    used.add(name);
    return name;
  };
  return {
    get: (tasks) => Promise.all(tasks.map((task) => readFile(path.join(dir, entryOf(task)), 'utf8').catch(() => null))),
    put: async (entries) => {
      if (entries.length === 0) return;
      await mkdir(dir, { recursive: true });
      // A few at a time: all at once would hold a file handle per document.
      for (let start = 0; start < entries.length; start += WRITES_AT_ONCE) {
        await Promise.all(
          entries.slice(start, start + WRITES_AT_ONCE).map(async ({ task, json }) => {
            const entry = path.join(dir, entryOf(task));
            await writeFile(`${entry}.tmp-${process.pid}`, json);
            await rename(`${entry}.tmp-${process.pid}`, entry);
          }),
        );
      }
      await prune(dir, used);
    },
  };
}

/**
 * Bounds the cache at about twice the files of one read: what this read used stays, and of the
 * rest only the newest (as many as it used, at least MIN_SPARE). Runs only after something was
 * written, so a rebuild with no change does not list the folder.
 */
async function prune(dir: string, used: ReadonlySet<string>): Promise<void> {
  const others = (await readdir(dir)).filter((name) => name.endsWith('.json') && !used.has(name));
  const spare = Math.max(used.size, MIN_SPARE);
  if (others.length <= spare) return;
  const dated = await Promise.all(others.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(spare)) await rm(path.join(dir, name), { force: true });
}
