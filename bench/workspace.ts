import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus } from './generate-corpus.js';

/** Everything the scenarios of one corpus size share. Paths are absolute. */
export interface Workspace {
  readonly n: number;
  /** The generated content folder (levels/ and articles/); scenarios must not modify it. */
  readonly corpus: string;
  readonly levels: number;
  readonly articles: number;
  readonly bytes: number;
  /** Scratch space for this size: outputs, copies. */
  readonly work: string;
  /** The same documents as one flat folder of .md files, as the peers take them. */
  readonly flat: string;
  /** The role document the one-file-edit scenario changes, inside a copy of the corpus. */
  editTarget(corpusCopy: string): string;
}

/** Generates the corpus of size n and its flat copy for the peers (untimed). */
export async function prepareWorkspace(root: string, n: number, seed: number): Promise<Workspace> {
  const corpus = path.resolve(root, '.corpus', `n${n}`);
  const work = path.resolve(root, '.work', `n${n}`);
  const flat = path.join(work, 'flat');
  const generated = await generateCorpus(corpus, n, seed);
  await rm(work, { recursive: true, force: true });
  await mkdir(flat, { recursive: true });
  // Peers read Markdown: the plain-text summaries go in as .md, which is how one would feed them.
  for (const file of [...generated.levels, ...generated.articles]) {
    await copyFile(file, path.join(flat, `${path.basename(file).replace(/\.(md|txt)$/, '')}.md`));
  }
  const middle = generated.levels[Math.floor(generated.levels.length / 2)];
  if (!middle) throw new Error(`a corpus of ${n} has no levels`);
  return {
    n,
    corpus,
    levels: generated.levels.length,
    articles: generated.articles.length,
    bytes: generated.bytes,
    work,
    flat,
    editTarget: (copy) => path.join(copy, 'levels', path.basename(middle)),
  };
}
