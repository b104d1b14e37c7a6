import type { Dimension, DimensionKind } from '../model/types.js';

/**
 * Keyword stems of each kind. Ladders word their tables differently ("Organizational Scope",
 * "Span of control", "Where the week goes"), so a kind is a set of stems matched at word starts,
 * never a phrase.
 */
const KIND_STEMS: readonly (readonly [Exclude<DimensionKind, 'other'>, readonly string[]])[] = [
  ['time', ['time', 'allocation', 'calendar', 'week', 'day', 'hours', 'spent', 'spend', 'meeting', 'coding', 'focus time', 'percent']],
  ['shifts', ['shift', 'transition', 'mindset', 'becomes', 'change']],
  ['skills', ['skill', 'competenc', 'capabilit', 'abilit', 'expertise', 'technical', 'people', 'communicat', 'strateg', 'business', 'craft']],
  ['scope', ['scope', 'span', 'size', 'report', 'headcount', 'horizon', 'budget', 'reach', 'breadth', 'organi', 'team', 'teams']],
];

/**
 * Whether a word of a text starts with one of a kind's stems: one pattern per kind, made when first
 * needed. (V8 compiles each case-insensitive Unicode pattern on its first use: 40 patterns, one
 * per stem, took 10.7 ms to compile and run once; four took 2.3 ms.)
 */
const patterns = new Map<string, RegExp>();
function startsWithStem(text: string, kind: string, stems: readonly string[]): boolean {
  let pattern = patterns.get(kind);
  if (!pattern) patterns.set(kind, (pattern = new RegExp(`(^|[^\\p{L}])(?:${stems.join('|')})`, 'iu')));
  return pattern.test(text);
}
const PERCENT = /\d\s*%/;

/**
 * The kind of a cross-level table: from its heading when that says it ("Skills Evolution", "Time
 * Allocation"), else from most of its row names, else from its cells (percentages mean time).
 */
export function dimensionKind(title: string, dimensions: readonly Dimension[]): DimensionKind {
  for (const [kind, stems] of KIND_STEMS) {
    if (startsWithStem(title, kind, stems)) return kind;
  }
  const cells = dimensions.flatMap((dimension) => dimension.cells);
  if (cells.length > 0 && cells.filter((cell) => PERCENT.test(cell.value.text)).length * 2 > cells.length) return 'time';
  for (const [kind, stems] of KIND_STEMS) {
    const named = dimensions.filter((dimension) => startsWithStem(dimension.name, kind, stems)).length;
    if (dimensions.length > 0 && named * 2 > dimensions.length) return kind;
  }
  return 'other';
}
