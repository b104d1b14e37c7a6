import { createHash } from 'node:crypto';
import type { Article, Ladder, Level, Overview } from '../model/types.js';

type Part = Level | Article | Overview;

const partKeys = new WeakMap<Part, string>();
const ladderKeys = new WeakMap<Ladder, string>();

/** The key of a part's JSON text: what a render job's key is built from, instead of the part itself. */
export function partKeyOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * Keys of parts whose JSON was already written out (model.json, the model cache): remembered, so
 * that planning the Word documents and PDFs does not stringify a 70 MB model once more.
 */
export function rememberPartKey(part: Part, key: string): void {
  partKeys.set(part, key);
}

/** The key of one level, article or overview: changes whenever anything in it does. */
export function partKey(part: Part): string {
  let key = partKeys.get(part);
  if (key === undefined) {
    key = partKeyOf(JSON.stringify(part));
    partKeys.set(part, key);
  }
  return key;
}

/** The key of each part of a ladder, in model order. */
export interface LadderPartKeys {
  readonly levels: readonly string[];
  readonly articles: readonly string[];
  readonly overview: string | null;
}

export function ladderPartKeys(ladder: Ladder): LadderPartKeys {
  return { levels: ladder.levels.map(partKey), articles: ladder.articles.map(partKey), overview: ladder.overview && partKey(ladder.overview) };
}

/** Keys kept with a ladder read back from JSON (the model cache), in the order ladderPartKeys gave them. */
export function rememberLadderPartKeys(ladder: Ladder, keys: LadderPartKeys): void {
  ladder.levels.forEach((level, index) => rememberPartKey(level, keys.levels[index] ?? partKey(level)));
  ladder.articles.forEach((article, index) => rememberPartKey(article, keys.articles[index] ?? partKey(article)));
  if (ladder.overview) rememberPartKey(ladder.overview, keys.overview ?? partKey(ladder.overview));
}

/** The key of every part of the ladder, in order (a book depends on all of them and on their order). */
export function ladderKey(ladder: Ladder): string {
  let key = ladderKeys.get(ladder);
  if (key === undefined) {
    key = partKeyOf(JSON.stringify(ladderPartKeys(ladder)));
    ladderKeys.set(ladder, key);
  }
  return key;
}
