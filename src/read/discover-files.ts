import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { contains } from '../inside-folder.js';

/** The source files of a content folder, each with its path relative to the folder (POSIX). */
export interface ContentFiles {
  readonly levels: readonly string[];
  readonly articles: readonly string[];
  readonly overview: string | null;
  /** Entries that look like content but are not read, each with the reason (a warning each). */
  readonly skipped: readonly SkippedEntry[];
  /** Folders and files that exist but cannot be listed or examined (an error each). */
  readonly unreadable: readonly SkippedEntry[];
}

export interface SkippedEntry {
  readonly file: string;
  readonly reason: string;
}

/**
 * `levels/*.md`, `articles/*.txt` and `index.md`, sorted so every run sees the same order. A link is
 * followed only when its real target is a file inside the content folder: nothing outside is read.
 */
export async function discoverFiles(contentDir: string): Promise<ContentFiles> {
  const root = await realpath(contentDir).catch(() => path.resolve(contentDir));
  const skipped: SkippedEntry[] = [];
  const unreadable: SkippedEntry[] = [];
  const list = async (folder: string, extension: RegExp): Promise<string[]> => {
    let entries: Dirent[];
    try {
      const real = await realpath(path.join(contentDir, folder));
      if (!contains(root, real)) {
        skipped.push({ file: folder, reason: `${folder}/ is a link to a folder outside the content folder (${real}); nothing in it was read` });
        return [];
      }
      entries = await readdir(real, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') unreadable.push({ file: folder, reason: `The folder ${folder}/ cannot be read: ${reasonOf(error)}` });
      return [];
    }
    const found: string[] = [];
    for (const entry of entries) {
      const file = `${folder}/${entry.name}`;
      const why = await whySkipped(root, path.join(contentDir, file), entry, extension.test(entry.name));
      if (why === null) found.push(file);
      else if (why !== '') skipped.push({ file, reason: `${file} was skipped: ${why}` });
    }
    return found.sort(compareCodePoints);
  };
  const overview = await lstat(path.join(contentDir, 'index.md')).then(
    async (info) => {
      const why = await whySkipped(root, path.join(contentDir, 'index.md'), info, true);
      if (why) skipped.push({ file: 'index.md', reason: `index.md was skipped: ${why}` });
      return why === null ? 'index.md' : null;
    },
    () => null,
  );
  return { levels: await list('levels', /\.(md|markdown)$/i), articles: await list('articles', /\.txt$/i), overview, skipped, unreadable };
}

type EntryKind = Pick<Dirent, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>;

/**
 * null: read it. '': not content (an image, .DS_Store): skip silently. Otherwise why an entry that
 * looks like content (its name, or its odd kind) is not read, for a warning.
 */
async function whySkipped(root: string, full: string, entry: EntryKind, named: boolean): Promise<string | null> {
  const name = path.basename(full);
  if (entry.isSymbolicLink()) {
    const real = await realpath(full).catch(() => null);
    if (real === null) return 'it is a symbolic link to nothing (its target does not exist)';
    if (!contains(root, real)) return named ? 'it is a symbolic link to a file outside the content folder, which is never read' : '';
    const target = await stat(real).catch(() => null);
    return target ? whySkipped(root, real, target, named) : 'its link target cannot be examined';
  }
  if (entry.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'it is a device or socket, not a file';
  if (!named) return '';
  if (entry.isDirectory()) return 'it is a folder, not a file (only files directly in the folder are read)';
  if (name.startsWith('.')) return 'hidden files (names starting with ".") are not read; rename it to publish it';
  return entry.isFile() ? null : 'it is not a regular file';
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : code === 'ENOTDIR' ? 'it is not a folder (ENOTDIR)' : ((error as Error).message ?? String(error));
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
