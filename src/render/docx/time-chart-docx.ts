import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import type { TimeShare } from '../../model/time-share.js';
import type { TimeChart } from '../time-chart.js';
import { cleanText } from './clean-text.js';
import { STYLE } from './styles.js';

/** The bar is this many cells of 5 % each. */
const STEPS = 20;
const STEP = 100 / STEPS;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
/** White rules above and below a bar keep the bars of neighbouring rows apart. */
const GAP = { style: BorderStyle.SINGLE, size: 16, color: 'FFFFFF' } as const;

/**
 * A time-allocation chart as a native Word table rather than an image: HR edits the numbers (the
 * Share column) like any text, the bars print sharp and need no rasteriser, and a screen reader
 * reads the activity and its share. The bar is a row of 20 cells, each 5 % of the week: filled in the
 * theme colour up to the low end of the share, tinted over a range ("70–80%"), with a faint line at
 * every quarter; a value that is no share stays as text with an empty bar.
 */
export function timeChartDocx(chart: TimeChart, width: number, primary: string): FileChild[] {
  const share = Math.round(width * 0.14);
  const activity = Math.round(width * 0.4);
  const step = Math.floor((width - share - activity) / STEPS);
  const widths = [activity + (width - share - activity - step * STEPS), ...Array.from({ length: STEPS }, () => step), share];
  const tint = mix(primary, 0.35);
  const text = (value: string, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph =>
    new Paragraph({ style: STYLE.compact, ...(options.alignment ? { alignment: options.alignment } : {}), children: [new TextRun({ text: cleanText(value), ...(options.bold ? { bold: true } : {}) })] });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      new TableCell({ width: { size: widths[0] ?? 0, type: WidthType.DXA }, children: [text('Activity', { bold: true })] }),
      new TableCell({ width: { size: step * STEPS, type: WidthType.DXA }, columnSpan: STEPS, children: [text('0 – 100 % of the week', { alignment: AlignmentType.CENTER })] }),
      new TableCell({ width: { size: share, type: WidthType.DXA }, children: [text('Share', { bold: true, alignment: AlignmentType.RIGHT })] }),
    ],
  });
  const rows = chart.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: widths[0] ?? 0, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [text(row.activity, { bold: true })] }),
          ...Array.from({ length: STEPS }, (_, index) => barCell(row.share, index, step, primary, tint)),
          new TableCell({ width: { size: share, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [text(row.text, { alignment: AlignmentType.RIGHT })] }),
        ],
      }),
  );
  return [
    new Paragraph({ style: STYLE.heading(2), children: [new TextRun(cleanText(chart.title))] }),
    new Table({
      rows: [header, ...rows],
      style: STYLE.table,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    }),
    new Paragraph({ children: [new TextRun({ text: 'Each cell of a bar is 5 % of the week; a lighter band is a range.', italics: true, color: '57606A', size: 18 })] }),
  ];
}

/** Cell `index` of a bar: solid when the whole 5 % lies below the low end, tinted while below the high end. */
function barCell(share: TimeShare | null, index: number, width: number, primary: string, tint: string): TableCell {
  const start = index * STEP;
  const fill = share === null ? null : start + STEP <= share.low ? primary : start < share.high ? tint : null;
  const quarter = index > 0 && index % (STEPS / 4) === 0;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: GAP, bottom: GAP, right: NONE, left: quarter ? { style: BorderStyle.DOTTED, size: 4, color: 'C8CDD3' } : NONE },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ style: STYLE.compact, children: [] })],
  });
}

/** `hex` (RRGGBB) mixed with white: `share` of the colour is kept. */
function mix(hex: string, share: number): string {
  const channel = (offset: number): string => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16);
    return Math.round(value * share + 255 * (1 - share)).toString(16).padStart(2, '0');
  };
  return `${channel(0)}${channel(2)}${channel(4)}`.toUpperCase();
}
