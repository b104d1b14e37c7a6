import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * When the content was last changed, for documents' dates when neither the config's `date` nor
 * SOURCE_DATE_EPOCH gives one: the newest git commit touching the content folder, else the newest
 * file's modification time; null for an empty folder. Cut to the day (UTC midnight), so edits on
 * one day leave every document's date, and so its cached render, as it was.
 */
export async function contentDate(dir: string): Promise<string | null> {
  const date = (await lastCommit(dir)) ?? (await newestMtime(dir));
  return date === null ? null : `${new Date(date).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

async function lastCommit(dir: string): Promise<number | null> {
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: dir, timeout: 10_000 });
    const seconds = Number(stdout.trim());
    return stdout.trim() && Number.isFinite(seconds) ? seconds * 1000 : null;
  } catch {
    // No git, or not a repository: the files' own dates are the next best record.
    return null;
  }
}

async function newestMtime(dir: string): Promise<number | null> {
  let newest: number | null = null;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const { mtimeMs } = await stat(path.join(entry.parentPath, entry.name));
    if (newest === null || mtimeMs > newest) newest = mtimeMs;
  }
  return newest;
}
