import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** When the content last changed, as a whole and file by file (see `contentDates`). */
export interface ContentDates {
  /** The newest git commit touching the folder, else the newest file's modification time; null for an empty folder. */
  readonly newest: string | null;
  /** Per file asked for: its newest git commit, else its modification time. A file that cannot be dated is left out. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * When the content was last changed, for documents' dates when neither the config's `date` nor
 * SOURCE_DATE_EPOCH gives one. Cut to the day (UTC midnight), so edits on one day leave every
 * document's date, and so its cached render, as it was. One `git log` over the folder's history
 * serves the folder and every file (`files`: relative to `dir`, POSIX).
 */
export async function contentDates(dir: string, files: readonly string[]): Promise<ContentDates> {
  const commits = await commitTimes(dir);
  const dated: Record<string, string> = {};
  for (const file of [...files].sort()) {
    const time = commits.get(file) ?? (await stat(path.join(dir, file)).then((info) => info.mtimeMs, () => null));
    if (time !== null) dated[file] = day(time);
  }
  const newest = commits.size > 0 ? [...commits.values()].reduce((a, b) => Math.max(a, b)) : await newestMtime(dir);
  return { newest: newest === null ? null : day(newest), files: dated };
}

/** The folder's date alone. */
export async function contentDate(dir: string): Promise<string | null> {
  return (await contentDates(dir, [])).newest;
}

/** Milliseconds → that day's UTC midnight, as ISO 8601. */
function day(time: number): string {
  return `${new Date(time).toISOString().slice(0, 10)}T00:00:00.000Z`;
}

/**
 * The newest commit time of every file git has a commit for under `dir`, by path relative to it.
 * `-z` keeps any file name intact; each commit's line starts with "/", which no path git prints can.
 */
async function commitTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  let stdout: string;
  try {
    ({ stdout } = await run('git', ['log', '--format=/%ct', '--name-only', '--relative', '-z', '--', '.'], { cwd: dir, timeout: 30_000, maxBuffer: 256 * 1024 * 1024 }));
  } catch {
    // No git, or not a repository: the files' own dates are the next best record.
    return times;
  }
  let time: number | null = null;
  for (const token of stdout.split('\0')) {
    const header = /^\n?\/(\d+)$/.exec(token);
    if (header) {
      time = Number(header[1]) * 1000;
      continue;
    }
    const file = token.replace(/^\n/, '');
    if (file === '' || time === null) continue;
    times.set(file, Math.max(times.get(file) ?? 0, time));
  }
  return times;
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
