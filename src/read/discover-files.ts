import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The source files of a content folder, each with its path relative to the folder (POSIX). */
export interface ContentFiles {
  readonly levels: readonly string[];
  readonly articles: readonly string[];
  readonly overview: string | null;
}

/** `levels/*.md`, `articles/*.txt` and `index.md`, sorted so every run sees the same order. */
export async function discoverFiles(contentDir: string): Promise<ContentFiles> {
  const list = async (folder: string, extension: RegExp): Promise<string[]> => {
    const entries = await readdir(path.join(contentDir, folder), { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile() && extension.test(entry.name) && !entry.name.startsWith('.'))
      .map((entry) => `${folder}/${entry.name}`)
      .sort(compareCodePoints);
  };
  const overviewExists = await stat(path.join(contentDir, 'index.md')).then((s) => s.isFile(), () => false);
  return {
    levels: await list('levels', /\.(md|markdown)$/i),
    articles: await list('articles', /\.txt$/i),
    overview: overviewExists ? 'index.md' : null,
  };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
