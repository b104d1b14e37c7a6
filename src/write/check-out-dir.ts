import { lstat, readdir, stat } from 'node:fs/promises';
import { realOutDir } from './real-out-dir.js';
import os from 'node:os';
import path from 'node:path';

/**
 * Publishing replaces the output folder as a whole, so it must never be a folder holding anything
 * else: the content, the project, a parent of either, the home folder, or a folder of files
 * ladderpress did not write. Returns the reason to refuse, or null.
 */
export async function checkOutDir(outDir: string, keep: readonly [contentDir: string, ...others: string[]]): Promise<string | null> {
  const link = await lstat(outDir).then((info) => info.isSymbolicLink(), () => false);
  const target = await stat(outDir).catch(() => null);
  if (link && !target) return `the output folder ${outDir} is a symbolic link to a folder that does not exist — create the folder it points to, or choose another --out`;
  if (target && !target.isDirectory()) return `${outDir} is a file, not a folder: a build never replaces a file it did not write — choose a folder for the output, e.g. --out out`;
  // A linked output folder is published into its target, so the target is what must be safe to replace.
  const out = await realOutDir(outDir);
  const protectedDirs = [...keep.map((dir) => path.resolve(dir)), process.cwd(), os.homedir(), path.parse(out).root];
  const shown = (dir: string): string => {
    const relative = path.relative(process.cwd(), dir);
    return relative === '' ? 'the working folder' : relative.startsWith('..') ? dir : relative;
  };
  for (const dir of protectedDirs) {
    if (out === dir || isInside(dir, out)) {
      return `the output folder ${outDir} would replace ${out === dir ? '' : 'a folder containing '}${shown(dir)}, since a build replaces it whole — choose a folder of its own, e.g. --out out`;
    }
  }
  const content = keep[0];
  if (content !== undefined && isInside(out, path.resolve(content))) return `the output folder ${outDir} is inside the content folder ${shown(path.resolve(content))} — choose one outside it, e.g. --out out`;
  const entries = await readdir(out).catch(() => null);
  if (entries && entries.length > 0 && !entries.includes('manifest.json') && !entries.includes('model.json')) {
    return `the output folder ${outDir} holds files ladderpress did not write (no manifest.json), and a build replaces it whole — empty it, or choose another --out`;
  }
  return null;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
