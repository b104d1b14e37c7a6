import type { DimensionKind, FacetOrigins, Ladder } from '../model/types.js';

/** The kind of cross-level table each fillable facet comes from. */
const KIND: Readonly<Record<keyof FacetOrigins, DimensionKind>> = { scope: 'scope', skills: 'skills', dayToDay: 'time', shifts: 'shifts' };

/**
 * The overview heading above the cross-level table that filled a level's facet, for a "from the
 * ladder overview" link; null when that table is not under a heading of the overview (the link then
 * goes to the overview page itself).
 */
export function ladderTableAnchor(ladder: Ladder, facet: keyof FacetOrigins, slug: string): string | null {
  const { overview } = ladder;
  if (!overview) return null;
  const table = ladder.dimensions.find(
    (candidate) =>
      candidate.kind === KIND[facet] &&
      candidate.source.file === overview.file &&
      candidate.dimensions.some((dimension) =>
        dimension.cells.some((cell) => (cell.key.kind === 'level' ? cell.key.slug === slug : cell.key.from === slug || cell.key.to === slug)),
      ),
  );
  return table && overview.headings.some((heading) => heading.id === table.id) ? table.id : null;
}
