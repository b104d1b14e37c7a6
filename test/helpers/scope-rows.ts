import type { Ladder, Level, ScopeEntry } from '../../src/model/types.js';

/** One row of an overview scope table for one level, and the entry the level shows for it. */
export interface ScopeRow {
  readonly level: Level;
  readonly row: string;
  /** The overview cell's text. */
  readonly cell: string;
  /** The level's entry of that name: its own (which wins) or the overview's; undefined when missing. */
  readonly shown: ScopeEntry | undefined;
}

const key = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Every (level, row) of the overview's scope tables: the bar is that each level shows each of them. */
export function overviewScopeRows(ladder: Ladder): ScopeRow[] {
  const overview = ladder.overview?.file;
  return ladder.dimensions
    .filter((table) => table.kind === 'scope' && table.source.file === overview)
    .flatMap((table) =>
      table.dimensions.flatMap((dimension) =>
        dimension.cells.flatMap((cell) => {
          const slug = cell.key.kind === 'level' ? cell.key.slug : null;
          const level = ladder.levels.find((candidate) => candidate.slug === slug);
          if (!level) return [];
          return [{ level, row: dimension.name, cell: cell.value.text, shown: level.facets.scope.find((entry) => key(entry.label) === key(dimension.name)) }];
        }),
      ),
    );
}
