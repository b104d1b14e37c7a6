import type { DeltaFacet, WordChange } from '../model/types.js';

/** Facets in the order a reader weighs a step up, with the names every format shows. */
export const DELTA_FACETS: readonly (readonly [DeltaFacet, string])[] = [
  ['scope', 'Scope'],
  ['responsibilities', 'Responsibilities'],
  ['skills', 'Skills'],
  ['dayToDay', 'Day-to-day'],
  ['readiness', 'Readiness for the next level'],
];

/** Below this share of kept words a word-by-word diff is mostly strike-through: show before and after instead. */
const DIFF_MIN_KEPT = 0.5;

/** Whether a grown item reads best as a word diff (most of its words stayed). */
export function showsWordDiff(changes: readonly WordChange[]): boolean {
  const words = (kind: WordChange['kind']): number => changes.filter((change) => change.kind === kind).reduce((sum, change) => sum + (change.text.match(/\S+/g)?.length ?? 0), 0);
  const kept = words('same');
  const total = kept + words('added');
  return total > 0 && kept / total >= DIFF_MIN_KEPT;
}

/** "33 new · 7 grew · 35 not restated" */
export function deltaSummary(delta: { readonly added: readonly unknown[]; readonly grown: readonly unknown[]; readonly removed: readonly unknown[] }): string {
  return `${delta.added.length} new · ${delta.grown.length} grew · ${delta.removed.length} not restated`;
}

/**
 * What a delta's `removed` items are, said honestly: the lower level's text that the upper level's
 * document does not repeat. Levels are written on their own, so most of it still holds.
 */
export function notRestated(lower: string, upper: string): { readonly title: string; readonly note: string } {
  return {
    title: `Not restated at ${upper}`,
    note: `What the ${lower} description says and the ${upper} description does not repeat. Each level is written on its own, so these are not necessarily dropped: many still apply.`,
  };
}

/** Facet names short enough for a line of counts. */
const SHORT_NAMES: Partial<Record<DeltaFacet, string>> = { readiness: 'Readiness' };

/** "Responsibilities 15 · Skills 4 · Day-to-day 10": how many items each facet has, in facet order. */
export function facetCounts(items: readonly { readonly facet: DeltaFacet }[]): string {
  return DELTA_FACETS.map(([facet, name]) => [SHORT_NAMES[facet] ?? name, items.filter((item) => item.facet === facet).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(' · ');
}
