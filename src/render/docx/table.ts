import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { AlignType, Table as MdastTable, TableCell as MdastCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockContext } from './block-context.js';
import { inlines, run } from './inline-handlers.js';
import { STYLE } from './styles.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A GFM table as a Word table in the named table style: the header row repeats on every page and
 * rows do not split across pages; columns are as wide as their content needs.
 */
export function table(node: MdastTable, context: BlockContext): FileChild[] {
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  if (context.paragraphsOnly) {
    return node.children.map((row) => new Paragraph({ children: row.children.flatMap((cell, i) => [...(i ? [run(' | ', {})] : []), ...inlines(cell.children, context)]) }));
  }
  const widths = columnWidths(node, columns, context.textWidth);
  const rows = node.children.map((row, rowIndex) => {
    const cells = Array.from({ length: columns }, (_, column) => cellOf(row.children[column], node.align?.[column] ?? null, widths[column] ?? 0, context));
    return new TableRow({ children: cells, cantSplit: true, ...(rowIndex === 0 ? { tableHeader: true } : {}) });
  });
  return [
    new Table({
      rows,
      style: STYLE.table,
      width: { size: context.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: false, noVBand: true },
    }),
  ];
}

function cellOf(cell: MdastCell | undefined, align: AlignType, width: number, context: BlockContext): TableCell {
  const alignment = align ? ALIGN[align] : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ style: STYLE.compact, children: cell ? inlines(cell.children, context) : [], ...(alignment ? { alignment } : {}) })],
  });
}

/**
 * Column widths: each column gets at least its longest word (so "Category | Skills" keeps
 * "Programming" whole), and the rest of the width goes to the columns whose text wants more, in
 * proportion to how much more.
 */
export function columnWidths(node: MdastTable, columns: number, textWidth: number): number[] {
  const CHAR = 150; // twips per character of bold 11 pt text in a wide sans (Arial, DejaVu Sans)
  const PADDING = 260; // the cell's left and right margins, and some air
  const longest = Array.from({ length: columns }, () => 3);
  const longestWord = Array.from({ length: columns }, () => 3);
  for (const row of node.children) {
    row.children.forEach((cell, column) => {
      const text = toString(cell);
      longest[column] = Math.max(longest[column] ?? 0, Math.min(text.length, 80));
      for (const word of text.split(/\s+/)) longestWord[column] = Math.max(longestWord[column] ?? 0, Math.min(word.length, 30));
    });
  }
  const desired = longest.map((n) => n * CHAR + PADDING);
  // Every column's longest word whole when the words fit side by side; only when they cannot is a
  // word allowed to break, and then no column takes more than its share.
  const whole = longestWord.map((n) => n * CHAR + PADDING);
  const minimum = whole.reduce((a, b) => a + b, 0) <= textWidth ? whole : whole.map((w) => Math.min(w, Math.floor(textWidth / columns)));
  const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sumOf(desired) <= textWidth) {
    widths = desired.map((w) => (w * textWidth) / sumOf(desired));
  } else {
    const extra = desired.map((w, i) => Math.max(0, w - (minimum[i] ?? 0)));
    const room = Math.max(0, textWidth - sumOf(minimum));
    widths = minimum.map((m, i) => m + (sumOf(extra) > 0 ? (room * (extra[i] ?? 0)) / sumOf(extra) : room / columns));
  }
  // Rounded to whole twips that add up to the text width exactly.
  const scaled = widths.map((w) => Math.floor((w * textWidth) / sumOf(widths)));
  scaled[scaled.length - 1] = (scaled[scaled.length - 1] ?? 0) + textWidth - sumOf(scaled);
  return scaled;
}
