import { AlignmentType, CheckBox, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type FileChild } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import type { Site } from '../../model/types.js';
import type { Checklist, ChecklistRow } from '../checklist-rows.js';
import { cleanText } from './clean-text.js';
import { docxDocument, textWidth } from './docx-document.js';
import { DocxState } from './docx-state.js';
import { packDocx, type PackOptions } from './pack-docx.js';
import { STYLE } from './styles.js';

/** The columns of every checklist table; Self and Manager hold one check box per row. */
export const CHECKLIST_COLUMNS = ['Expectation', 'Self', 'Manager', 'Evidence'] as const;
/** Check boxes per row: Self and Manager. */
export const CHECK_BOXES_PER_ROW = 2;

/** Twips of the two check-box columns; Evidence takes a third of the rest, the expectation the remainder. */
const BOX_COLUMN = 1300;
/** Rows are at least this tall (twips), so the Evidence cell has room for a line or two. */
const ROW_HEIGHT = 640;

/**
 * A level's readiness checklist for Word: per group a table of the expectations, each row with a
 * content-control check box (w14:checkbox, toggled by a click in Word and LibreOffice) for the
 * engineer and one for the manager, and an empty Evidence cell to type into. The header row repeats
 * on every page and rows never split.
 */
export function checklistDocx(site: Site, checklist: Checklist, pack: PackOptions, diagnostics: Diagnostics): Promise<Uint8Array> {
  const width = textWidth(site);
  const evidence = Math.round((width - 2 * BOX_COLUMN) / 3);
  const widths = [width - 2 * BOX_COLUMN - evidence, BOX_COLUMN, BOX_COLUMN, evidence];
  const children: FileChild[] = [
    new Paragraph({ style: STYLE.title, children: [new TextRun(cleanText(checklist.levelTitle))] }),
    new Paragraph({ style: STYLE.subtitle, children: [new TextRun('Readiness checklist')] }),
    new Paragraph({
      children: [
        new TextRun(
          `Tick Self when you meet an expectation consistently, and Manager when your manager agrees; note the evidence (a project, a document, feedback) beside it.${checklist.below ? ` “New” and “grown” mark what changed from ${cleanText(checklist.below)}.` : ''}`,
        ),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: 'Name: _______________   Manager: _______________   Date: __________', bold: true })] }),
  ];
  for (const section of checklist.sections) {
    children.push(new Paragraph({ style: STYLE.heading(1), children: [new TextRun(cleanText(section.title))] }));
    for (const group of section.groups) {
      if (group.name !== section.title) children.push(new Paragraph({ style: STYLE.heading(2), keepNext: true, children: [new TextRun(cleanText(group.name))] }));
      children.push(groupTable(group.rows, widths));
    }
  }
  const state = new DocxState(() => null, diagnostics, new Set());
  const document = docxDocument(site, { title: checklist.title, description: `Readiness checklist for ${checklist.levelTitle}`, sections: [children], state, running: checklist.title });
  return packDocx(document, pack);
}

function groupTable(rows: readonly ChecklistRow[], widths: readonly number[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CHECKLIST_COLUMNS.map((name, column) => cell([new Paragraph({ style: STYLE.compact, alignment: column === 1 || column === 2 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: name, bold: true })] })], widths[column] ?? 0)),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        height: { value: ROW_HEIGHT, rule: HeightRule.ATLEAST },
        children: [
          cell([new Paragraph({ style: STYLE.compact, children: expectation(row) })], widths[0] ?? 0),
          cell([box('Self')], widths[1] ?? 0),
          cell([box('Manager')], widths[2] ?? 0),
          cell([new Paragraph({ style: STYLE.compact, children: [] })], widths[3] ?? 0),
        ],
      }),
  );
  return new Table({
    rows: [header, ...body],
    style: STYLE.table,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: false, noVBand: true },
  });
}

function expectation(row: ChecklistRow): TextRun[] {
  return [
    ...(row.label ? [new TextRun({ text: `${cleanText(row.label)}: `, bold: true })] : []),
    new TextRun(cleanText(row.text)),
    ...(row.change ? [new TextRun({ text: ` (${row.change})`, italics: true, color: '57606A' })] : []),
  ];
}

/** A content-control check box, named for its column so a screen reader and Word's Properties say whose it is. */
function box(alias: string): Paragraph {
  return new Paragraph({ style: STYLE.compact, alignment: AlignmentType.CENTER, children: [new CheckBox({ alias, checked: false })] });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children });
}
