import type { Diagnostics } from '../diagnostics.js';
import type { DimensionTable, Level } from '../model/types.js';
import { readDimensionTables, type TableSource } from './dimension-tables.js';
import { plainText } from './inline.js';
import { levelMatcher } from './level-matcher.js';
import { createHeadingIds } from './slugs.js';

/** The cross-level tables of every source (overview first), matched against the levels' names. */
export function readLadderDimensions(levels: readonly Level[], sources: readonly TableSource[], diagnostics: Diagnostics): DimensionTable[] {
  const mention = levelMatcher(levels.map((level) => ({ slug: level.slug, names: levelNames(level) })));
  const id = createHeadingIds();
  return sources.flatMap((source) => readDimensionTables(source, mention, id, diagnostics));
}

function levelNames(level: Level): string[] {
  const fmTitle = typeof level.frontMatter['title'] === 'string' ? level.frontMatter['title'] : '';
  return [level.title, plainText(level.titleInline), level.label, fmTitle, level.slug.replace(/-/g, ' ')].filter(Boolean);
}
