import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ParseCache } from '../read/read-ladder.js';
import { isAlive } from './is-alive.js';
import { keepNewest } from './keep-newest.js';

/** Entries kept besides those of the latest read: old versions of edited files, other content folders. */
const MIN_SPARE = 64;

/**
 * Each file's parse outcome, keyed by the SHA-256 of everything the outcome depends on: the task
 * (kind, path as stored and as shown in diagnostics, slug, input limits, bytes) and `salt` (the
 * tool's fingerprint). After a one-file edit only that file is parsed again; the ladder-wide steps
 * (links, related levels) still run over every document. The outcome is kept as the JSON a fresh
 * parse gives, so diagnostics and model are the same whether a file came from here or not. The
 * parsing thread writes the entries (ParseTask.keepAt); this reads them and bounds their number.
 */
export function parseCache(cacheDir: string, salt: string, reuse: boolean): ParseCache {
  const dir = path.join(cacheDir, 'parsed');
  const used = new Set<string>();
  return {
    entry: ({ kind, file, shownFile, slug, limits, bytes }) => {
      const head = JSON.stringify({ salt, kind, file, shownFile, slug, limits });
      const name = `${createHash('sha256').update(head).update('\0').update(bytes).digest('hex')}.json`;
      used.add(name);
      return path.join(dir, name);
    },
    get: async (tasks) => {
      await mkdir(dir, { recursive: true }).catch(() => undefined);
      return Promise.all(tasks.map((task) => (task.keepAt === null || !reuse ? null : readFile(task.keepAt, 'utf8').catch(() => null))));
    },
    // Best effort, like every cache write.
    prune: () => prune(dir, used).catch(() => undefined),
  };
}

/**
 * Bounds the cache at about twice the files of one read: what this read used stays, and of the
 * rest only the newest (as many as it used, at least MIN_SPARE). Runs only after something was
 * parsed, so a rebuild with no change does not list the folder. Also removes what a stopped
 * thread left half-written.
 */
async function prune(dir: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir);
  for (const name of names) {
    const writer = /\.tmp-(\d+)-\d+$/.exec(name);
    if (writer && (Number(writer[1]) === process.pid || !isAlive(Number(writer[1])))) await rm(path.join(dir, name), { force: true });
  }
  await keepNewest(dir, names.filter((name) => name.endsWith('.json') && !used.has(name)), Math.max(used.size, MIN_SPARE));
}
