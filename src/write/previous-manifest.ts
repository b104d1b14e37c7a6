import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the previous build's manifest says about one file. */
export interface ListedFile {
  readonly sha256: string;
  readonly bytes: number;
}

export interface PreviousManifest {
  /** path → hash and size of every file the manifest lists. */
  readonly files: ReadonlyMap<string, ListedFile>;
  /** When the manifest was written (the build writes it last), in ns since the epoch; null without one. */
  readonly writtenAtNs: bigint | null;
}

/**
 * The previous build's manifest; empty when there is none (first build, or a folder not written by
 * ladderpress), which makes every file count as changed.
 */
export async function readPreviousManifest(outDir: string): Promise<PreviousManifest> {
  const files = new Map<string, ListedFile>();
  const file = path.join(outDir, 'manifest.json');
  let parsed: unknown;
  let writtenAtNs: bigint;
  try {
    writtenAtNs = (await stat(file, { bigint: true })).mtimeNs;
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { files, writtenAtNs: null };
  }
  const listed = (parsed as { files?: unknown }).files;
  if (!Array.isArray(listed)) return { files, writtenAtNs: null };
  for (const entry of listed as { path?: unknown; sha256?: unknown; bytes?: unknown }[]) {
    if (typeof entry.path === 'string' && typeof entry.sha256 === 'string' && typeof entry.bytes === 'number') files.set(entry.path, { sha256: entry.sha256, bytes: entry.bytes });
  }
  return { files, writtenAtNs };
}
