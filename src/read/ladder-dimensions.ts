import type { Diagnostics } from '../diagnostics.js';
import type { DimensionTable } from '../model/types.js';
import { readDimensionTables, type TableSource } from './dimension-tables.js';
import type { LevelMention } from './level-matcher.js';
import { createHeadingIds } from './slugs.js';

/** The cross-level tables of every source (overview first), with ids unique across the ladder. */
export function readLadderDimensions(mention: (text: string) => LevelMention, sources: readonly TableSource[], diagnostics: Diagnostics): DimensionTable[] {
  const id = createHeadingIds();
  return sources.flatMap((source) => readDimensionTables(source, mention, id, diagnostics));
}
