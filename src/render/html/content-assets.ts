import path from 'node:path';
import type { Nodes } from 'mdast';
import { readInside } from '../../inside-folder.js';
import type { Ladder } from '../../model/types.js';
import type { OutputFile } from '../render-context.js';
import { sitePaths } from './site-urls.js';

/**
 * The content images the pages show, copied from the content folder. The reader has already
 * checked that each is a file inside it, and reading checks again: nothing else is ever read.
 */
export async function contentAssets(ladder: Ladder, contentDir: string): Promise<OutputFile[]> {
  const paths = new Set<string>();
  const collect = (node: Nodes): void => {
    if (node.type === 'image' && node.data?.target?.kind === 'asset') paths.add(node.data.target.path);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  for (const document of [...ladder.levels, ...ladder.articles, ...(ladder.overview ? [ladder.overview] : [])]) collect(document.body);
  return Promise.all(
    [...paths].sort().map(async (file) => ({ path: sitePaths.contentAsset(file).split('/').map(decodeURIComponent).join('/'), data: new Uint8Array(await readInside(contentDir, path.join(contentDir, file))) })),
  );
}
