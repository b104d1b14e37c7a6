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

/** "33 new · 7 grew · 35 no longer expected" */
export function deltaSummary(delta: { readonly added: readonly unknown[]; readonly grown: readonly unknown[]; readonly removed: readonly unknown[] }): string {
  return `${delta.added.length} new · ${delta.grown.length} grew · ${delta.removed.length} no longer expected`;
}
