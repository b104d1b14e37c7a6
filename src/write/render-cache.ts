import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './is-alive.js';

/**
 * Content-addressed store of rendered documents (PDF, DOCX): an entry is named by the SHA-256 of
 * everything its bytes depend on, so a hit is always right and nothing needs invalidating.
 *
 * Entries are written as soon as a document is rendered, so a build that fails later still keeps
 * them. Each output folder records the entries it used (`uses/<out>.json`); pruning removes what
 * no output folder uses any more, so `out/` and the dev server can share one cache.
 */
export class RenderCache {
  readonly #dir: string;
  readonly #salt: string;
  readonly #used = new Set<string>();
  readonly #reuse: boolean;

  private constructor(dir: string, salt: string, reuse: boolean) {
    this.#dir = dir;
    this.#salt = salt;
    this.#reuse = reuse;
  }

  /**
   * `salt`: what every entry depends on besides its job key (tool fingerprint, config). `reuse: false`
   * (--clean) renders everything and overwrites the entries, never deleting the folder under another
   * build (the dev server, another output folder) that shares it.
   */
  static async open(dir: string, salt: string, reuse = true): Promise<RenderCache> {
    // Every write to the cache is best effort: one that cannot be written only makes builds slower.
    await mkdir(path.join(dir, 'entries'), { recursive: true }).catch(() => undefined);
    return new RenderCache(dir, salt, reuse);
  }

  get dir(): string {
    return this.#dir;
  }

  /** The entry name for a job: sha256 of salt, path and key, with the output's extension. */
  entryFor(jobPath: string, key: string): string {
    const hash = createHash('sha256').update(this.#salt).update('\0').update(jobPath).update('\0').update(key).digest('hex');
    return `${hash}${path.posix.extname(jobPath)}`;
  }

  /** The cached file's path, or null on a miss. Either way the entry counts as used by this build. */
  async locate(entry: string): Promise<string | null> {
    this.#used.add(entry);
    if (!this.#reuse) return null;
    const file = path.join(this.#dir, 'entries', entry);
    return stat(file).then(
      (info) => (info.isFile() ? file : null),
      () => null,
    );
  }

  /** Stores bytes under `entry`, atomically: a crash leaves no half-written entry. */
  async put(entry: string, data: Uint8Array | string): Promise<void> {
    await this.#store(entry, (temporary) => writeFile(temporary, data));
  }

  /** Stores a copy of a file under `entry` (reflinked where the file system can), as atomically as put. */
  async putCopy(entry: string, source: string): Promise<void> {
    await this.#store(entry, (temporary) => copyFile(source, temporary, constants.COPYFILE_FICLONE));
  }

  async #store(entry: string, write: (temporary: string) => Promise<void>): Promise<void> {
    this.#used.add(entry);
    const target = path.join(this.#dir, 'entries', entry);
    const temporary = `${target}.tmp-${process.pid}`;
    try {
      await write(temporary);
      await rename(temporary, target);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Records what `outDir` uses and deletes entries no output folder uses. `partial`: this build
   * rendered only some documents (--only, --level), so the folder's earlier uses are kept too.
   */
  async prune(outDir: string, partial: boolean): Promise<number> {
    return this.#prune(outDir, partial).catch(() => 0);
  }

  async #prune(outDir: string, partial: boolean): Promise<number> {
    const usesDir = path.join(this.#dir, 'uses');
    await mkdir(usesDir, { recursive: true });
    const usesFile = path.join(usesDir, `${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.json`);
    const previous = partial ? await readUses(usesFile) : [];
    const mine = [...new Set([...previous, ...this.#used])].sort();
    await writeFile(`${usesFile}.tmp-${process.pid}`, `${JSON.stringify({ out: path.resolve(outDir), entries: mine }, null, 1)}\n`);
    await rename(`${usesFile}.tmp-${process.pid}`, usesFile);

    const keep = new Set<string>();
    for (const name of await readdir(usesDir)) {
      if (name.endsWith('.json')) for (const entry of await readUses(path.join(usesDir, name))) keep.add(entry);
    }
    let removed = 0;
    for (const name of await readdir(path.join(this.#dir, 'entries'))) {
      if (keep.has(name) || isFreshTemporary(name)) continue;
      await rm(path.join(this.#dir, 'entries', name), { force: true });
      removed += 1;
    }
    return removed;
  }
}

async function readUses(file: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { entries?: unknown };
    return Array.isArray(parsed.entries) ? parsed.entries.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

/** A temporary entry another running build is writing right now. */
function isFreshTemporary(name: string): boolean {
  const match = /\.tmp-(\d+)$/.exec(name);
  return match !== null && isAlive(Number(match[1]));
}
