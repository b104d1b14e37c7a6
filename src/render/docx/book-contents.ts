import { Paragraph, TableOfContents, TextRun } from 'docx';
import { STYLE } from './styles.js';

/**
 * A real TOC field that is already filled in: docx writes an entry per Heading 1 and 2 (overview and
 * levels, their sections, the appendix and its articles), linked to a bookmark on the heading, with
 * the page number its layout estimate (the document's `pageNumbers`) gives, after a dot leader, as
 * Word's own. The field is written clean and settings.xml has no updateFields, so Word shows it as
 * it is, without asking to update fields, and "Update table" still rebuilds it.
 */
export function bookContents(depth: 1 | 2): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: STYLE.tocHeading, children: [new TextRun('Contents')] }),
    new TableOfContents('Table of Contents', { hyperlink: true, headingStyleRange: `1-${depth}`, beginDirty: false }),
  ];
}
