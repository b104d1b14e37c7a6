import { competencyFamily } from './competency-family.js';
import { contentWords, dice } from './sentence-similarity.js';
import type { DeltaFacet, DeltaItem, GrownItem, Level, LevelDelta } from './types.js';
import { wordChanges } from './word-changes.js';

/**
 * Below this similarity two items are different expectations, not one that grew. Tuned on the
 * example ladder and near-miss tests (test/model/level-delta.test.ts): reworded items score 0.4–0.8,
 * unrelated items of the same facet rarely pass 0.3.
 */
export const MATCH_THRESHOLD = 0.4;

/** Every comparable item of a level, facet by facet, with the group it sits under. */
export function deltaItems(level: Level): DeltaItem[] {
  const f = level.facets;
  return [
    ...f.responsibilities.flatMap((group) => group.items.map((text) => ({ facet: 'responsibilities' as const, group: group.name, text }))),
    ...f.skills.map((skill) => ({ facet: 'skills' as const, group: skill.category, text: skill.text })),
    ...f.scope.map((entry) => ({ facet: 'scope' as const, group: entry.label, text: entry.value })),
    ...f.dayToDay.flatMap((period) => period.items.map((text) => ({ facet: 'dayToDay' as const, group: period.period, text }))),
    ...f.readiness.flatMap((ready) => ready.items.map((text) => ({ facet: 'readiness' as const, group: ready.target.name, text }))),
  ];
}

interface Prepared {
  readonly item: DeltaItem;
  readonly words: Set<string>;
  readonly groupWords: Set<string>;
  readonly family: string | null;
}

/**
 * How alike two items are. Skills and scope are named rows ("Team size", "Communication"), so their
 * names weigh in, and skill categories of one synonym family (the matrix's rows) count as the same
 * name; for sentences the group only breaks ties.
 */
function similarity(a: Prepared, b: Prepared, facet: DeltaFacet): number {
  const text = dice(a.words, b.words);
  const sameFamily = facet === 'skills' && a.family !== null && a.family === b.family;
  const group = sameFamily ? 1 : dice(a.groupWords, b.groupWords);
  if (facet === 'skills' || facet === 'scope') return Math.max(text, 0.6 * group + 0.4 * text);
  return Math.min(1, text + (group >= 0.5 ? 0.05 : 0));
}

const same = (a: DeltaItem, b: DeltaItem): boolean => a.text.text.trim().toLowerCase() === b.text.text.trim().toLowerCase();
const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * What changes from `lower` to `upper`: items new at `upper`, items matched at both whose wording
 * changed (with a word diff), and items of `lower` with no match. Matching is greedy on similarity,
 * best pairs first, within one facet. Pure: the compare page calls it for any two levels.
 */
export function levelDelta(lower: Level, upper: Level): LevelDelta {
  const prepare = (item: DeltaItem): Prepared => ({ item, words: contentWords(item.text.text), groupWords: contentWords(item.group), family: competencyFamily(item.group) });
  const before = deltaItems(lower).map(prepare);
  const after = deltaItems(upper).map(prepare);
  const pairs: { i: number; j: number; score: number }[] = [];
  before.forEach((a, i) => {
    after.forEach((b, j) => {
      if (a.item.facet !== b.item.facet) return;
      const score = same(a.item, b.item) && a.item.group === b.item.group ? 1 : similarity(a, b, a.item.facet);
      if (score >= MATCH_THRESHOLD) pairs.push({ i, j, score });
    });
  });
  // Best first; ties in document order so the result does not depend on sort stability.
  pairs.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  const matchOf = new Map<number, { i: number; score: number }>();
  const usedBefore = new Set<number>();
  for (const pair of pairs) {
    if (usedBefore.has(pair.i) || matchOf.has(pair.j)) continue;
    usedBefore.add(pair.i);
    matchOf.set(pair.j, { i: pair.i, score: pair.score });
  }
  const added: DeltaItem[] = [];
  const grown: GrownItem[] = [];
  after.forEach(({ item }, j) => {
    const match = matchOf.get(j);
    if (!match) return void added.push(item);
    const old = (before[match.i] as Prepared).item;
    if (same(old, item)) return;
    grown.push({ ...item, before: old.text, similarity: round(match.score), changes: wordChanges(old.text.text, item.text.text) });
  });
  const removed = before.filter((_, i) => !usedBefore.has(i)).map(({ item }) => item);
  return { from: lower.slug, added, grown, removed };
}
