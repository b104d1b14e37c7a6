import { InternalHyperlink, Paragraph, TableOfContents, TextRun } from 'docx';
import { STYLE } from './styles.js';

/** One line of the table of contents: its text, TOC level and the bookmark it jumps to. */
export interface ContentsEntry {
  readonly text: string;
  readonly level: 1 | 2;
  readonly anchor: string;
}

/**
 * A real TOC field that is already filled in: the entries, hyperlinks to the headings' bookmarks
 * in Word's TOC 1 / TOC 2 styles, are the field's cached result. The field is written clean and
 * settings.xml has no updateFields, so Word shows it as it is, without asking to update fields, and
 * "Update table" still rebuilds it from the headings. Page numbers are left to that update.
 */
export function bookContents(entries: readonly ContentsEntry[], depth: 1 | 2): (Paragraph | TableOfContents)[] {
  const shown = entries.filter((entry) => entry.level <= depth);
  return [
    new Paragraph({ style: STYLE.tocHeading, children: [new TextRun('Contents')] }),
    new TableOfContents('Table of Contents', {
      hyperlink: true,
      headingStyleRange: `1-${depth}`,
      beginDirty: false,
      contentChildren: shown.map(
        (entry) =>
          new Paragraph({
            style: STYLE.toc(entry.level),
            children: [new InternalHyperlink({ anchor: entry.anchor, children: [new TextRun(entry.text)] })],
          }),
      ),
    }),
  ];
}
