import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The content folder is a trust boundary: nothing outside it is ever read, whatever symbolic links
 * inside it point at. Paths are compared after resolving every link (a path check alone would let a
 * link inside the folder read /etc/passwd), and files are opened without following a last link.
 */

/** A link (or a path) that leads out of the folder: read nothing. */
export class OutsideFolderError extends Error {
  override readonly name = 'OutsideFolderError';
  readonly code = 'EOUTSIDE';
}

/** Whether `child` is `parent` or below it (both real, absolute paths). */
export function contains(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of `file` when it, links resolved, is inside `root`; null when it is outside. Throws what realpath throws (ENOENT, EACCES). */
export async function realPathInside(root: string, file: string): Promise<string | null> {
  const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
  return contains(realRoot, real) ? real : null;
}

/** Reads a file of `root`, refusing one whose real path is outside it (OutsideFolderError). */
export async function readInside(root: string, file: string): Promise<Buffer> {
  const real = await realPathInside(root, file);
  if (real === null) throw new OutsideFolderError(`${file} is a link to a file outside ${root}`);
  // The path is real now: a link swapped in since is not followed.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A readable regular file inside `root` (links resolved): what may be published as an image. */
export function isReadableFileInside(root: string, file: string): boolean {
  try {
    const real = realpathSync(file);
    if (!contains(realpathSync(root), real) || !statSync(real).isFile()) return false;
    accessSync(real, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file`'s real path leaves `root` (a missing file does not). */
export function leavesFolder(root: string, file: string): boolean {
  try {
    return !contains(realpathSync(root), realpathSync(file));
  } catch {
    return false;
  }
}
