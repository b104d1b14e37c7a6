import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readInside } from '../inside-folder.js';
import { listTree } from './list-tree.js';
import { readPreviousManifest } from './previous-manifest.js';
import type { PublishedFile } from './published-file.js';

/**
 * What the last successful build into an output folder was made from and what it left there. When
 * the inputs hash the same and the folder still holds exactly those files (same sizes and mtimes),
 * the build would write the same bytes again, so it can stop before reading any content: this is
 * what makes a no-change rebuild cost milliseconds instead of a full read, render and compare.
 */
export interface BuildRecord {
  readonly inputs: string;
  /** Every file of the output folder as [path, bytes, mtimeMs] after the swap. */
  readonly files: readonly (readonly [string, number, number])[];
  /** Warnings of that build, shown again so a skipped build says what the real one said. */
  readonly diagnostics: readonly Diagnostic[];
  readonly levels: number;
  readonly articles: number;
  /** Documents (PDF, Word…) it published: an up-to-date build reports them as taken from the cache. */
  readonly documents: number;
}

/** Everything besides the content folder that decides the output. */
export interface InputSettings {
  readonly tool: string;
  readonly contentDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly configFile: string | null;
  /** The resolved config: plain JSON by its schema. */
  readonly config: unknown;
  readonly referenceDocx: string | null;
  /** The documents' dates when they come from the content (git commits, file times); null when the config or SOURCE_DATE_EPOCH sets them. */
  readonly dates: unknown;
  /** Build options that change what is written (formats, --level, --strict, --verify…). */
  readonly options: unknown;
}

/**
 * SHA-256 over the settings and every file under the content and template folders (path and
 * bytes): the content's images and any file a template reads are covered without knowing which.
 * Positions in diagnostics are printed relative to the working folder and the site's date may come
 * from SOURCE_DATE_EPOCH, so both are part of it too.
 */
export async function inputsFingerprint(settings: InputSettings): Promise<InputsFingerprint> {
  const hash = createHash('sha256');
  const env = { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? null, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? null };
  hash.update(JSON.stringify({ ...settings, cwd: process.cwd(), env }));
  const files = await inputFiles(settings);
  for (const [file, digest] of files) hash.update('\0').update(file).update('\0').update(digest);
  if (settings.referenceDocx !== null) hash.update('\0reference\0').update(await readFile(settings.referenceDocx).catch(() => 'unreadable'));
  return { digest: hash.digest('hex'), files };
}

/** One build's inputs: the digest the record keeps, and each input file's own (path → SHA-256). */
export interface InputsFingerprint {
  readonly digest: string;
  readonly files: ReadonlyMap<string, string>;
}

/** Every file under the content and template folders: path → SHA-256 of its bytes. */
export async function inputFiles({ contentDir, templatesDir }: Pick<InputSettings, 'contentDir' | 'templatesDir'>): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of [contentDir, templatesDir]) {
    for (const file of await listTree(dir)) {
      const full = path.join(dir, file);
      // A link out of the folder is never opened (its target is no input: the build does not read it).
      const bytes = await readInside(dir, full).catch((error: NodeJS.ErrnoException) => `unreadable ${error.code ?? ''}`);
      files.set(full, createHash('sha256').update(bytes).digest('hex'));
    }
  }
  return files;
}

/** Input files added, removed or changed since `before` was taken. */
export function changedFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = [...after].filter(([file, digest]) => before.get(file) !== digest).map(([file]) => file);
  return [...changed, ...[...before.keys()].filter((file) => !after.has(file))];
}

/** The record, when the folder is exactly as that build left it and the inputs are the same. */
export async function upToDate(cacheDir: string, outDir: string, inputs: string): Promise<BuildRecord | null> {
  const record = await readFile(recordPath(cacheDir, outDir), 'utf8').then(
    (text) => JSON.parse(text) as BuildRecord,
    () => null,
  );
  if (!record || record.inputs !== inputs) return null;
  const now = await snapshot(outDir).catch(() => null);
  if (!now || now.length !== record.files.length) return null;
  return now.every(([file, bytes, mtime], i) => {
    const [wasFile, wasBytes, wasMtime] = record.files[i] ?? [];
    return file === wasFile && bytes === wasBytes && mtime === wasMtime;
  })
    ? record
    : null;
}

/** Remembers a build that published completely, for the next one to compare with. */
export async function recordBuild(cacheDir: string, outDir: string, record: Omit<BuildRecord, 'files'>): Promise<void> {
  const file = recordPath(cacheDir, outDir);
  await mkdir(path.dirname(file), { recursive: true });
  const full: BuildRecord = { ...record, files: await snapshot(outDir) };
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(full));
  await rename(`${file}.tmp-${process.pid}`, file);
}

/** The published files as the manifest lists them, for a build that found nothing to do. */
export async function publishedFiles(outDir: string): Promise<PublishedFile[]> {
  const { files } = await readPreviousManifest(outDir);
  return [...files].map(([file, { bytes, sha256 }]) => ({ path: file, bytes, sha256, status: 'unchanged' }));
}

function recordPath(cacheDir: string, outDir: string): string {
  const id = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'builds', `${id}.json`);
}

async function snapshot(dir: string): Promise<[string, number, number][]> {
  const files = await listTree(dir);
  return Promise.all(
    files.map(async (file): Promise<[string, number, number]> => {
      const info = await stat(path.join(dir, file));
      return [file, info.size, info.mtimeMs];
    }),
  );
}
