import { createHash } from 'node:crypto';
import type { Article, Ladder, Level, Overview } from '../model/types.js';

type Part = Level | Article | Overview;

/** The key of a part's JSON text: what a render job's key is built from, instead of the part itself. */
export function partKeyOf(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * The key of each part of a ladder, in model order: changes whenever anything in the part does. The
 * model cache hands them over with the model (worked out while model.json was written), so planning
 * the documents does not stringify a 70 MB model once more.
 */
export interface LadderPartKeys {
  readonly levels: readonly string[];
  readonly articles: readonly string[];
  readonly overview: string | null;
}

/** The keys worked out from the parts themselves (no model cache). */
export function ladderPartKeys(ladder: Ladder, known: ReadonlyMap<Part, string> = new Map()): LadderPartKeys {
  const key = (part: Part): string => known.get(part) ?? partKeyOf(JSON.stringify(part));
  return { levels: ladder.levels.map(key), articles: ladder.articles.map(key), overview: ladder.overview && key(ladder.overview) };
}

/** The keys a renderer plans with: those handed over in its context, else worked out. */
export function partKeysFor(ladder: Ladder, given: LadderPartKeys | null): LadderPartKeys {
  return given ?? ladderPartKeys(ladder);
}

/** The key of every part of the ladder, in order (a book depends on all of them and on their order). */
export function ladderKey(keys: LadderPartKeys): string {
  return partKeyOf(JSON.stringify(keys));
}
