import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleDoc } from './corpus/article-doc.js';
import { ICONS, ROLE_KINDS, ROLE_WORDS } from './corpus/phrases.js';
import { Prng } from './corpus/prng.js';
import { roleDoc, type LevelSpec } from './corpus/role-doc.js';

export interface Corpus {
  readonly dir: string;
  readonly levels: readonly string[];
  readonly articles: readonly string[];
  readonly bytes: number;
}

const kebab = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The level specs of a corpus of `n` levels; document i is the same whatever n is. */
export function levelSpecs(n: number, seed: number): LevelSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const prng = new Prng(seed * 7919 + i);
    const word = prng.pick(ROLE_WORDS);
    const label = `Level ${i + 1}`;
    return {
      slug: `level-${String(i + 1).padStart(4, '0')}-${kebab(word)}`,
      label,
      title: `${word} ${prng.pick(ROLE_KINDS)}, ${label}`,
      // Retype order: higher comes first, so the first level gets the highest value.
      order: 100_000 - i,
      icon: prng.pick(ICONS),
    };
  });
}

/**
 * Writes a content folder of `n` role documents (~10 KB each, the shape of role-vp.md) and n/5
 * article summaries. Deterministic for a given seed; the folder is replaced.
 */
export async function generateCorpus(dir: string, n: number, seed = 1): Promise<Corpus> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'levels'), { recursive: true });
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  const specs = levelSpecs(n, seed);
  const levels: string[] = [];
  const articles: string[] = [];
  let bytes = 0;
  const write = async (file: string, text: string): Promise<void> => {
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
  };
  for (const [i, spec] of specs.entries()) {
    // Transitions lead to the next two levels (wrapping at the end) so every target resolves.
    const next: [string, string] = [specs[(i + 1) % n]?.label ?? 'CTO', specs[(i + 2) % n]?.label ?? 'CEO'];
    const file = path.join(dir, 'levels', `${spec.slug}.md`);
    await write(file, roleDoc(spec, next, new Prng(seed * 104_729 + i)));
    levels.push(file);
  }
  for (let j = 0; j < Math.floor(n / 5); j += 1) {
    const level = specs[j * 5];
    if (!level) break;
    const slug = `${level.slug}-field-notes`;
    const file = path.join(dir, 'articles', `${slug}.txt`);
    await write(file, articleDoc(level, slug, new Prng(seed * 15_485_863 + j)));
    articles.push(file);
  }
  return { dir, levels, articles, bytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '50' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const n = Number(values.n);
  const out = values.out ?? path.join('bench', '.corpus', `n${n}`);
  const corpus = await generateCorpus(out, n, Number(values.seed));
  process.stdout.write(`${corpus.levels.length} role docs, ${corpus.articles.length} articles, ${(corpus.bytes / 1024).toFixed(0)} KB in ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
