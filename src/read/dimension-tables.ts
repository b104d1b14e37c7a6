import type { Root, Table, TableCell } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import type { Dimension, DimensionCell, DimensionKey, DimensionTable, SourceRef } from '../model/types.js';
import { dimensionKind } from './dimension-kind.js';
import { plainText, toInline } from './inline.js';
import type { LevelMention } from './level-matcher.js';

/** One content file to look for cross-level tables in. */
export interface TableSource {
  readonly body: Root;
  /** Relative to the content folder (SourceRef.file). */
  readonly file: string;
  /** As printed in diagnostics. */
  readonly shownFile: string;
}

/**
 * Reads every top-level table whose header row (after its corner cell) or first column names at
 * least two of the ladder's levels or transitions as ladder-wide dimensions. The other axis gives the
 * dimensions; a row whose first cell is empty continues the row above (row groups). A header that
 * names no level while the others do is reported, never silently dropped.
 */
export function readDimensionTables(source: TableSource, mention: (text: string) => LevelMention, id: (title: string) => string, diagnostics: Diagnostics): DimensionTable[] {
  const found: DimensionTable[] = [];
  let title = '';
  for (const block of source.body.children) {
    if (block.type === 'heading') title = plainText(block);
    if (block.type !== 'table') continue;
    const dimensions = columnKeyed(block, source, mention, diagnostics) ?? rowKeyed(block, source, mention, diagnostics);
    if (!dimensions) continue;
    const transitions = dimensions.some((dimension) => dimension.cells.some((cell) => cell.key.kind === 'transition'));
    found.push({
      id: id(title || 'table'),
      title,
      kind: transitions ? 'shifts' : dimensionKind(title, dimensions),
      source: at(source, block),
      dimensions,
    });
  }
  return found;
}

const keyOf = (mentioned: LevelMention): DimensionKey | null =>
  mentioned === null ? null : mentioned.kind === 'level' ? { kind: 'level', slug: mentioned.slug } : { kind: 'transition', from: mentioned.from, to: mentioned.to };

function at(source: TableSource, node: { position?: { start: { line: number; column: number } } | undefined }): SourceRef {
  return { file: source.file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function cellOf(key: DimensionKey, cell: TableCell, source: TableSource): DimensionCell {
  return { key, value: toInline(cell.children), source: at(source, cell) };
}

/** `| Dimension | Engineer | Manager |`: each row is a dimension. */
function columnKeyed(table: Table, source: TableSource, mention: (text: string) => LevelMention, diagnostics: Diagnostics): Dimension[] | null {
  const [header, ...rows] = table.children;
  if (!header) return null;
  const keys = header.children.map((cell, index) => (index === 0 ? null : keyOf(mention(plainText(cell)))));
  if (keys.filter(Boolean).length < 2) return null;
  header.children.forEach((cell, index) => {
    if (index > 0 && keys[index] === null && plainText(cell) !== '') {
      const where = at(source, cell);
      diagnostics.report('unmatched-level-header', source.shownFile, where, `Column "${plainText(cell)}" of a cross-level table names no level of the ladder; its cells are not attached to a level`);
    }
  });
  const dimensions: Dimension[] = [];
  for (const row of rows) {
    const name = plainText(row.children[0] ?? { type: 'text', value: '' });
    const cells = row.children.flatMap((cell, index) => {
      const key = keys[index];
      return key && plainText(cell) !== '' ? [cellOf(key, cell, source)] : [];
    });
    const previous = dimensions.at(-1);
    if (name === '' && previous) dimensions[dimensions.length - 1] = { ...previous, cells: [...previous.cells, ...cells] };
    else dimensions.push({ name, cells });
  }
  return dimensions;
}

/**
 * `| Level | Team size | Reports to |` with a level in each row's first cell: each column is a
 * dimension. Two kinds of row groups: a row with an empty first cell continues the row above; a row
 * naming a level or transition and nothing else heads the rows below it, whose first cells are then
 * values of the first column, not level names.
 */
function rowKeyed(table: Table, source: TableSource, mention: (text: string) => LevelMention, diagnostics: Diagnostics): Dimension[] | null {
  const [header, ...rows] = table.children;
  if (!header) return null;
  const text = (cell: TableCell | undefined): string => (cell ? plainText(cell) : '');
  const firsts = rows.map((row) => text(row.children[0]));
  const rowKeys = firsts.map((first) => keyOf(mention(first)));
  if (rowKeys.filter(Boolean).length < 2) return null;
  const heads = rows.map((row, index) => rowKeys[index] !== null && row.children.slice(1).every((cell) => text(cell) === ''));
  const grouped = heads.some(Boolean);
  let current: DimensionKey | null = null;
  let inGroup = false;
  const keys = rows.map((row, index) => {
    const first = firsts[index] ?? '';
    if (heads[index]) {
      current = rowKeys[index] ?? null;
      inGroup = true;
    } else if (first !== '' && (rowKeys[index] !== null || !inGroup)) {
      current = rowKeys[index] ?? null;
      inGroup = false;
      if (current === null) {
        diagnostics.report('unmatched-level-header', source.shownFile, at(source, row.children[0] ?? row), `Row "${first}" of a cross-level table names no level of the ladder; its cells are not attached to a level`);
      }
    }
    return heads[index] ? null : current;
  });
  // In a grouped table the first column holds values too, for the rows inside a group.
  const columns = header.children.map((cell, column) => ({ cell, column })).filter(({ column }) => column > 0 || grouped);
  return columns.map(({ cell, column }) => ({
    name: plainText(cell),
    cells: rows.flatMap((row, index) => {
      const key = keys[index];
      const value = row.children[column];
      if (column === 0 && rowKeys[index] !== null) return [];
      return key && value && text(value) !== '' ? [cellOf(key, value, source)] : [];
    }),
  }));
}
