import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/render-context.js';
import { isAlive } from './is-alive.js';
import { asOutputLocationError } from './output-location-error.js';
import { readPreviousManifest } from './previous-manifest.js';

/** A file of the published folder, as the manifest lists it. */
export interface PublishedFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** written: new or changed; unchanged: same bytes as before (hard-linked, mtime kept); kept: carried over unbuilt. */
  readonly status: 'written' | 'unchanged' | 'kept';
}

export interface PublishOptions {
  /** Files of the previous output to keep when this build does not produce them (--level). */
  readonly keep: (file: string) => boolean;
  /** The manifest for the final file list, written last. */
  readonly manifest: (files: readonly PublishedFile[]) => OutputFile;
  /** Checked before the swap: once the swap starts it completes. */
  readonly signal: AbortSignal;
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

let stagingCount = 0;

/**
 * Writes the output into `out.tmp-<pid>` beside `outDir`, ready to be swapped in with two renames,
 * so `out/` is always either the previous build or the new one. Files whose bytes did not change
 * are hard links to the previous ones (same mtime, nothing rewritten), so hosts syncing `out/` and
 * the dev server see only real changes. On any failure the staging folder is removed.
 */
export async function stageOut(outDir: string, files: readonly OutputFile[], options: PublishOptions): Promise<StagedOut> {
  const previous = await readPreviousManifest(outDir);
  const staging = `${outDir}.tmp-${process.pid}-${stagingCount++}`;
  const discard = (): Promise<void> => rm(staging, { recursive: true, force: true });
  try {
    // Node's recursive mkdir says ENOENT on a read-only file system; asking first gets the real reason.
    await mkdir(path.dirname(outDir), { recursive: true }).catch(() => undefined);
    await access(path.dirname(outDir), constants.W_OK);
    await discard();
    await mkdir(staging, { recursive: true });
    const published: PublishedFile[] = [];
    const produced = new Set<string>();
    for (const file of files) {
      checkPath(file.path, produced);
      const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
      const sha256 = sha(data);
      const same = previous.get(file.path) === sha256 && (await sameBytes(outDir, file.path, data)) && (await linkInto(outDir, staging, file.path));
      if (!same) await writeInto(staging, file.path, data);
      published.push({ path: file.path, bytes: data.byteLength, sha256, status: same ? 'unchanged' : 'written' });
    }
    for (const file of await listFiles(outDir)) {
      if (produced.has(file) || file === 'manifest.json' || !options.keep(file)) continue;
      const data = await readFile(path.join(outDir, ...file.split('/')));
      if (!(await linkInto(outDir, staging, file))) await writeInto(staging, file, data);
      published.push({ path: file, bytes: data.byteLength, sha256: previous.get(file) ?? sha(data), status: 'kept' });
    }
    published.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest = options.manifest(published);
    await writeInto(staging, manifest.path, manifest.data);
    return {
      dir: staging,
      files: published,
      commit: async () => {
        try {
          options.signal.throwIfAborted();
          await swap(staging, outDir);
        } catch (error) {
          await discard().catch(() => undefined);
          throw asOutputLocationError(error, outDir);
        }
      },
      discard,
    };
  } catch (error) {
    await discard().catch(() => undefined);
    throw asOutputLocationError(error, outDir);
  }
}

/** Stages and swaps in one go. */
export async function publishOut(outDir: string, files: readonly OutputFile[], options: PublishOptions): Promise<PublishedFile[]> {
  const staged = await stageOut(outDir, files, options);
  await staged.commit();
  return [...staged.files];
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
  const old = staging.replace(/\.tmp-/, '.old-');
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

/** Output paths are relative POSIX paths inside the folder, each produced once. */
function checkPath(file: string, produced: Set<string>): void {
  if (file === '' || file.startsWith('/') || file.split('/').some((part) => part === '..' || part === '.' || part === '') || file === 'manifest.json') {
    throw new Error(`a renderer produced the invalid output path "${file}"`);
  }
  if (produced.has(file)) throw new Error(`two renderers produced "${file}"`);
  produced.add(file);
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

/** The manifest said so; the bytes confirm it, in case someone edited `out/` by hand since. */
async function sameBytes(dir: string, file: string, data: Uint8Array): Promise<boolean> {
  const existing = await readFile(path.join(dir, ...file.split('/'))).catch(() => null);
  return existing !== null && Buffer.compare(existing, data) === 0;
}

async function writeInto(dir: string, file: string, data: Uint8Array | string): Promise<void> {
  const target = path.join(dir, ...file.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export function sha(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
