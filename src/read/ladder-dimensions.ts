import type { Diagnostics } from '../diagnostics.js';
import { isShareTable, parseTimeShare } from '../model/time-share.js';
import type { DimensionTable } from '../model/types.js';
import { readDimensionTables, type TableSource } from './dimension-tables.js';
import type { LevelMention } from './level-matcher.js';
import { createHeadingIds } from './slugs.js';

/** The cross-level tables of every source (overview first), with ids unique across the ladder. */
export function readLadderDimensions(mention: (text: string) => LevelMention, sources: readonly TableSource[], diagnostics: Diagnostics): DimensionTable[] {
  const id = createHeadingIds();
  const tables = sources.flatMap((source) => readDimensionTables(source, mention, id, diagnostics));
  reportUnreadableShares(tables, sources, diagnostics);
  return tables;
}

/** A time-allocation cell the charts cannot draw is shown as text; its author hears where. */
function reportUnreadableShares(tables: readonly DimensionTable[], sources: readonly TableSource[], diagnostics: Diagnostics): void {
  for (const table of tables.filter(isShareTable)) {
    const shown = sources.find((source) => source.file === table.source.file)?.shownFile ?? table.source.file;
    for (const dimension of table.dimensions) {
      for (const cell of dimension.cells) {
        if (cell.key.kind === 'level' && cell.value.text.trim() !== '' && parseTimeShare(cell.value.text) === null) {
          diagnostics.report('unreadable-time-share', shown, cell.source, `"${cell.value.text.trim()}" (${dimension.name}) is not a share of the week the time chart can draw`);
        }
      }
    }
  }
}
