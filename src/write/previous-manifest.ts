import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * path → sha256 of every file the previous build's manifest lists; empty when there is none (first
 * build, or a folder not written by ladderpress), which makes every file count as changed.
 */
export async function readPreviousManifest(outDir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return hashes;
  }
  const files = (parsed as { files?: unknown }).files;
  if (!Array.isArray(files)) return hashes;
  for (const file of files as { path?: unknown; sha256?: unknown }[]) {
    if (typeof file.path === 'string' && typeof file.sha256 === 'string') hashes.set(file.path, file.sha256);
  }
  return hashes;
}
