import { createHash } from 'node:crypto';
import { constants, createReadStream, rmSync } from 'node:fs';
import { access, copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/render-context.js';
import { isAlive } from './is-alive.js';
import { asOutputLocationError } from './output-location-error.js';
import { realOutDir } from './real-out-dir.js';
import { readPreviousManifest, type PreviousManifest } from './previous-manifest.js';
import type { PublishedFile } from './published-file.js';

export interface StagingOptions {
  /** Files of the previous output to keep when this build does not produce them (--level). */
  readonly keep: (file: string) => boolean;
  /** Checked before the swap: once the swap starts it completes. */
  readonly signal: AbortSignal;
}

export interface PublishOptions extends StagingOptions {
  /** The manifest for the final file list, written last. */
  readonly manifest: (files: readonly PublishedFile[]) => OutputFile;
}

/**
 * The next output being written, file by file as the renderers produce them, so no stage holds all
 * its outputs in memory. Every method throws once the staging failed or was discarded.
 */
export interface Stager {
  /** Hashes the bytes, links or writes them; resolves once they may be dropped (a few writes stay in flight). */
  add(file: OutputFile): Promise<void>;
  /** A file already on disk (a render-cache entry), streamed and copied instead of read whole. */
  addCopy(file: string, source: string): Promise<void>;
  /**
   * A file made in pieces (model.json, a book joined from parts): written piece by piece while hashed,
   * never whole in memory. Resolves once written, with where it was staged (to be copied, not changed).
   */
  addChunks(file: string, chunks: Iterable<string> | AsyncIterable<Uint8Array>): Promise<string>;
  /** Takes back a staged file (the site re-rendered without PDFs when no browser was found). */
  remove(file: string): Promise<void>;
  /** Carries over the kept files, writes the manifest last and returns the complete folder. */
  finish(manifest: (files: readonly PublishedFile[]) => OutputFile): Promise<StagedOut>;
  /** Removes the staging folder, leaving `out/` as it was; later calls of the other methods throw. */
  discard(): Promise<void>;
}

/** The next output, complete in its temporary folder, waiting to be swapped in or thrown away. */
export interface StagedOut {
  /** The temporary folder, e.g. for checks that read the files back before they are published. */
  readonly dir: string;
  readonly files: readonly PublishedFile[];
  /** Swaps it in for `out/`. */
  commit(): Promise<void>;
  /** Removes it, leaving `out/` as it was. */
  discard(): Promise<void>;
}

/** Writes in flight at once: enough to overlap rendering with the disk, few enough to hold little. */
const IN_FLIGHT = 8;

let stagingCount = 0;

/**
 * Opens `out.tmp-<pid>` beside `outDir`, to be filled while rendering and swapped in with two
 * renames, so `out/` is always either the previous build or the new one. Files whose bytes did not
 * change are hard links to the previous ones (same mtime, nothing rewritten), so hosts syncing
 * `out/` and the dev server see only real changes. On any failure the staging folder is removed.
 */
export async function openStaging(givenOutDir: string, options: StagingOptions): Promise<Stager> {
  const outDir = await realOutDir(givenOutDir).catch(() => path.resolve(givenOutDir));
  const staging = path.resolve(`${outDir}.tmp-${process.pid}-${stagingCount++}`);
  // The folder lives as long as the rendering: a process that exits meanwhile (a second Ctrl-C)
  // takes it along instead of leaving it for the next build's clean-up.
  const onExit = (): void => rmSync(staging, { recursive: true, force: true });
  const clear = (): Promise<void> => rm(staging, { recursive: true, force: true });
  const done = {
    release: (): void => void process.off('exit', onExit),
    remove: async (): Promise<void> => {
      await clear();
      process.off('exit', onExit);
    },
  };
  process.on('exit', onExit);
  let previous: PreviousManifest;
  try {
    // Node's recursive mkdir says ENOENT on a read-only file system; asking first gets the real reason.
    await mkdir(path.dirname(outDir), { recursive: true }).catch(() => undefined);
    await access(path.dirname(outDir), constants.W_OK);
    previous = await readPreviousManifest(outDir);
    await clear();
    await mkdir(staging, { recursive: true });
  } catch (error) {
    await done.remove().catch(() => undefined);
    throw asOutputLocationError(error, outDir);
  }
  return new Staging(outDir, staging, previous, options, done);
}

/** Stages and swaps in one go. */
export async function publishOut(outDir: string, files: readonly OutputFile[], options: PublishOptions): Promise<PublishedFile[]> {
  const stager = await openStaging(outDir, options);
  try {
    for (const file of files) await stager.add(file);
  } catch (error) {
    await stager.discard();
    throw error;
  }
  const staged = await stager.finish(options.manifest);
  await staged.commit();
  return [...staged.files];
}

class Staging implements Stager {
  readonly #published = new Map<string, PublishedFile>();
  /** Every path added and not removed, reserved before its bytes are hashed. */
  readonly #claimed = new Set<string>();
  /** The write of each file still in flight, by path. */
  readonly #inFlight = new Map<string, Promise<void>>();
  #failure: { error: unknown } | null = null;
  #closed = false;

  constructor(
    readonly outDir: string,
    readonly dir: string,
    readonly previous: PreviousManifest,
    readonly options: StagingOptions,
    /** remove: deletes the folder; release: it was swapped in. Either way the exit hook goes. */
    readonly cleanup: { readonly remove: () => Promise<void>; readonly release: () => void },
  ) {}

  async add(file: OutputFile): Promise<void> {
    this.#claim(file.path);
    const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
    const sha256 = sha(data);
    await this.#place(file.path, sha256, data.byteLength, (target) => writeFile(target, data));
  }

  async addCopy(file: string, source: string): Promise<void> {
    this.#claim(file);
    try {
      const { sha256, bytes } = await hashFile(source);
      // Reflinked where the file system can, else copied.
      await this.#place(file, sha256, bytes, (target) => copyFile(source, target, constants.COPYFILE_FICLONE));
    } catch (error) {
      throw this.#fail(error);
    }
  }

  async addChunks(file: string, chunks: Iterable<string> | AsyncIterable<Uint8Array>): Promise<string> {
    this.#claim(file);
    await this.#slot();
    const target = path.join(this.dir, ...file.split('/'));
    this.#track(file, async () => {
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      const handle = await open(target, 'w');
      try {
        for await (const chunk of chunks) {
          const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          hash.update(data);
          bytes += data.byteLength;
          for (let done = 0; done < data.byteLength; ) done += (await handle.write(data, done)).bytesWritten;
        }
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      // Known only once written: the same bytes as before become a link to the previous file after all.
      const linked = `${target}.link`;
      const same =
        (await this.#unchanged(file, sha256, bytes)) &&
        (await link(path.join(this.outDir, ...file.split('/')), linked).then(
          () => rename(linked, target).then(() => true),
          // No hard links here: the file just written stays.
          () => false,
        ));
      this.#published.set(file, { path: file, bytes, sha256, status: same ? 'unchanged' : 'written' });
    });
    await this.#inFlight.get(file);
    this.#usable();
    return target;
  }

  async remove(file: string): Promise<void> {
    this.#usable();
    await this.#inFlight.get(file);
    this.#usable();
    this.#published.delete(file);
    this.#claimed.delete(file);
    await rm(path.join(this.dir, ...file.split('/')), { force: true });
  }

  async finish(manifest: (files: readonly PublishedFile[]) => OutputFile): Promise<StagedOut> {
    try {
      await this.#settle();
      this.#usable();
      for (const file of await listFiles(this.outDir)) {
        if (this.#claimed.has(file) || file === 'manifest.json' || !this.options.keep(file)) continue;
        const old = await this.#trustedHash(file);
        if (!(await linkInto(this.outDir, this.dir, file))) await copyFile(path.join(this.outDir, ...file.split('/')), path.join(this.dir, ...file.split('/')));
        this.#published.set(file, { path: file, bytes: old.bytes, sha256: old.sha256, status: 'kept' });
      }
      const published = [...this.#published.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const written = manifest(published);
      await writeInto(this.dir, written.path, written.data);
      this.#closed = true;
      return { dir: this.dir, files: published, commit: () => this.#commit(), discard: () => this.cleanup.remove() };
    } catch (error) {
      await this.discard();
      throw asOutputLocationError(error, this.outDir);
    }
  }

  async discard(): Promise<void> {
    this.#closed = true;
    // A write still running would recreate folders inside the one being removed.
    await Promise.allSettled(this.#inFlight.values());
    await this.cleanup.remove().catch(() => undefined);
  }

  /** Checks the path and reserves it, synchronously, so two producers of one path are caught. */
  #claim(file: string): void {
    this.#usable();
    if (file === '' || file.startsWith('/') || file.split('/').some((part) => part === '..' || part === '.' || part === '') || file === 'manifest.json') {
      throw new Error(`a renderer produced the invalid output path "${file}"`);
    }
    if (this.#claimed.has(file)) throw new Error(`two renderers produced "${file}"`);
    this.#claimed.add(file);
  }

  /** Links the previous file when it holds these bytes, else writes them; waits while too many writes run. */
  async #place(file: string, sha256: string, bytes: number, write: (target: string) => Promise<void>): Promise<void> {
    await this.#slot();
    this.#track(file, async () => {
      const same = (await this.#unchanged(file, sha256, bytes)) && (await linkInto(this.outDir, this.dir, file));
      if (!same) await writeInto(this.dir, file, write);
      this.#published.set(file, { path: file, bytes, sha256, status: same ? 'unchanged' : 'written' });
    });
  }

  /** Waits until fewer than IN_FLIGHT writes run; then the caller must start its write at once. */
  async #slot(): Promise<void> {
    while (this.#inFlight.size >= IN_FLIGHT) {
      await Promise.race(this.#inFlight.values());
      this.#usable();
    }
    this.#usable();
  }

  /** Runs a file's write in the background; its failure fails the staging. */
  #track(file: string, write: () => Promise<void>): void {
    const work = write().then(
      () => void this.#inFlight.delete(file),
      (error: unknown) => {
        this.#inFlight.delete(file);
        this.#fail(error);
      },
    );
    this.#inFlight.set(file, work);
  }

  /** The previous build published these very bytes at this path. */
  async #unchanged(file: string, sha256: string, bytes: number): Promise<boolean> {
    const old = this.previous.files.get(file);
    return old !== undefined && old.sha256 === sha256 && old.bytes === bytes && (await this.#stillAsListed(file, old.bytes));
  }

  /**
   * Whether the previous file still holds what its manifest entry says, without reading it when it
   * can be trusted: same size, and not modified after the manifest was written (the build writes the
   * manifest last; a later edit by hand gives the file a later mtime). Otherwise its bytes are hashed.
   */
  async #stillAsListed(file: string, bytes: number): Promise<boolean> {
    const full = path.join(this.outDir, ...file.split('/'));
    const info = await stat(full, { bigint: true }).catch(() => null);
    if (info === null || !info.isFile() || info.size !== BigInt(bytes)) return false;
    if (this.previous.writtenAtNs !== null && info.mtimeNs <= this.previous.writtenAtNs) return true;
    return (await hashFile(full).catch(() => null))?.sha256 === this.previous.files.get(file)?.sha256;
  }

  /** A kept file's size and hash: the manifest's when it still holds, else read from the file. */
  async #trustedHash(file: string): Promise<{ sha256: string; bytes: number }> {
    const listed = this.previous.files.get(file);
    if (listed && (await this.#stillAsListed(file, listed.bytes))) return listed;
    return hashFile(path.join(this.outDir, ...file.split('/')));
  }

  async #settle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled(this.#inFlight.values());
  }

  #usable(): void {
    if (this.#failure) throw this.#failure.error;
    if (this.#closed) throw new Error('the staged output was already finished or discarded');
  }

  /** Remembers the first failure (later calls throw it) and returns it as the user should see it. */
  #fail(error: unknown): unknown {
    this.#failure ??= { error: asOutputLocationError(error, this.outDir) };
    return this.#failure.error;
  }

  async #commit(): Promise<void> {
    try {
      this.options.signal.throwIfAborted();
      await swap(this.dir, this.outDir);
      this.cleanup.release();
    } catch (error) {
      await this.cleanup.remove().catch(() => undefined);
      throw asOutputLocationError(error, this.outDir);
    }
  }
}

/** Two builds finishing at once (CI matrix, dev + build) take turns: the swap holds a lock folder. */
async function swap(staging: string, outDir: string): Promise<void> {
  const lock = `${outDir}.lock`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => 'NaN'));
      // A lock left by a killed build (or one just being created) is taken over after a moment.
      if ((Number.isInteger(holder) && !isAlive(holder)) || attempt > 200) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    await swapFolders(staging, outDir);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function swapFolders(staging: string, outDir: string): Promise<void> {
  const old = staging.replace(/\.tmp-(\d+-\d+)$/, '.old-$1');
  const hadPrevious = await rename(outDir, old).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(old, outDir);
    throw error;
  }
  if (hadPrevious) await rm(old, { recursive: true, force: true });
}

async function linkInto(fromDir: string, toDir: string, file: string): Promise<boolean> {
  const parts = file.split('/');
  const target = path.join(toDir, ...parts);
  await mkdir(path.dirname(target), { recursive: true });
  return link(path.join(fromDir, ...parts), target).then(
    () => true,
    // A file system without hard links, or the previous file is gone: copy, or write afresh.
    () => copyFile(path.join(fromDir, ...parts), target).then(() => true, () => false),
  );
}

async function writeInto(dir: string, file: string, data: string | Uint8Array | ((target: string) => Promise<void>)): Promise<void> {
  const target = path.join(dir, ...file.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  await (typeof data === 'function' ? data(target) : writeFile(target, data));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** SHA-256 and size of a file, read in chunks: a 100 MB book is never in memory whole. */
async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function sha(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
