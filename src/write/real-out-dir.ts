import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folder a build really publishes into. An `out/` that is a symbolic link (to a deploy folder,
 * say) must stay one: the new output is staged and swapped in beside the link's target, so the link
 * keeps pointing at the fresh build instead of being replaced by a real folder.
 */
export async function realOutDir(outDir: string): Promise<string> {
  const info = await lstat(outDir).catch(() => null);
  return info?.isSymbolicLink() ? realpath(outDir) : path.resolve(outDir);
}
