import { isShareTable, parseTimeShare, type TimeShare } from '../model/time-share.js';
import type { DimensionCell, DimensionTable, Ladder, SourceRef } from '../model/types.js';

/** One activity of a level's week: the value as written, and the share a bar draws (null: shown as text only). */
export interface TimeChartRow {
  readonly activity: string;
  readonly text: string;
  readonly share: TimeShare | null;
}

/** A level's column of a time-allocation table, as a small bar chart. @example { title: "Day-to-Day Time Allocation", rows: [...] } */
export interface TimeChart {
  readonly title: string;
  /** The table's id on the overview page (its anchor) and where it was written. */
  readonly id: string;
  readonly source: SourceRef;
  readonly rows: readonly TimeChartRow[];
}

/**
 * The level's charts: one per time-allocation table of the ladder whose cells are shares of the week
 * ("70–80%"), with a row per activity the table gives this level. Tables of the week in words get none.
 */
export function timeCharts(ladder: Pick<Ladder, 'dimensions'>, slug: string): TimeChart[] {
  return ladder.dimensions.filter(isShareTable).flatMap((table) => {
    const rows = cellsBySlug(table).flatMap(({ name, cells }) => {
      const text = cells.get(slug)?.value.text.replace(/\s+/g, ' ').trim() ?? '';
      return text === '' ? [] : [{ activity: name, text, share: parseTimeShare(text) }];
    });
    return rows.length === 0 ? [] : [{ title: table.title || 'Time allocation', id: table.id, source: table.source, rows }];
  });
}

/** Each row's level cells by level slug, made once per table: every level's chart looks into every row. */
function cellsBySlug(table: DimensionTable): readonly { name: string; cells: ReadonlyMap<string, DimensionCell> }[] {
  let rows = indexed.get(table);
  if (rows === undefined) {
    rows = table.dimensions.map((dimension) => {
      const cells = new Map<string, DimensionCell>();
      for (const cell of dimension.cells) if (cell.key.kind === 'level' && !cells.has(cell.key.slug)) cells.set(cell.key.slug, cell);
      return { name: dimension.name, cells };
    });
    indexed.set(table, rows);
  }
  return rows;
}

const indexed = new WeakMap<DimensionTable, readonly { name: string; cells: ReadonlyMap<string, DimensionCell> }[]>();

/** "70 to 80 percent" — a share in words, for a screen reader or an image's description. */
export function shareInWords(row: TimeChartRow): string {
  if (!row.share) return row.text;
  const { low, high } = row.share;
  return low === high ? `${low} percent` : `${low} to ${high} percent`;
}
