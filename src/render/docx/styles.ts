import type { ICharacterStyleOptions, IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { DocxTheme } from './docx-theme.js';
import { BULLET_REFERENCE, orderedReference } from './numbering.js';

/**
 * Every style the documents use, declared once and referenced by id. The ids are Word's built-in
 * ones (Heading1, ListBullet, Quote, Hyperlink, TOC1…) so Word's navigation pane, outline view,
 * "Update table" and a reference document's branding all apply to them.
 */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading: (depth: number): string => `Heading${Math.min(Math.max(depth, 1), 6)}`,
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  quote: 'Quote',
  sourceCode: 'SourceCode',
  compact: 'Compact',
  rule: 'HorizontalRule',
  tocHeading: 'TOCHeading',
  toc: (level: number): string => `TOC${level}`,
  header: 'Header',
  footer: 'Footer',
  verbatim: 'VerbatimChar',
  hyperlink: 'Hyperlink',
  table: 'LadderTable',
} as const;

const PT = 2; // half-points per point

/** Left indent of quotes, in twips; lists inside quotes indent from it. */
export const QUOTE_INDENT = 576;

/**
 * Text and headings use the document theme's fonts (Word's "(Body)" and "(Headings)"), not font names:
 * text HR adds in Word follows the theme, and Design › Fonts changes the whole document. The theme part
 * names the config's fonts, else Office's (docx-document.ts); code keeps its monospaced face by name.
 */
const BODY_FONT = { theme: 'body' } as const;
const HEADINGS_FONT = { theme: 'headings' } as const;

/** The styles part of a document in this theme; `language` (BCP 47) sets Word's proofing language. */
export function documentStyles(theme: DocxTheme, language: string): IStylesOptions {
  const proofing = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? { language: { value: language } } : {};
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: 11 * PT, color: theme.text, ...proofing },
        // lineRule is Word's default, but LibreOffice reads a line height without it as exact and cuts pictures to one line.
        paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } },
      },
    },
    paragraphStyles: paragraphStyles(theme),
    characterStyles: characterStyles(theme),
  };
}

function heading(theme: DocxTheme, depth: number, size: number, extra: { italics?: boolean; before: number }): IParagraphStyleOptions {
  return {
    id: STYLE.heading(depth),
    name: `heading ${depth}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    uiPriority: 9,
    run: { font: HEADINGS_FONT, size: size * PT, bold: true, color: theme.primary, ...(extra.italics ? { italics: true } : {}) },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: depth - 1, spacing: { before: extra.before, after: 80 } },
  };
}

function paragraphStyles(theme: DocxTheme): IParagraphStyleOptions[] {
  const listSpacing = { spacing: { after: 60 }, contextualSpacing: true };
  return [
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 10,
      run: { font: HEADINGS_FONT, size: 26 * PT, bold: true, color: theme.primary },
      paragraph: { spacing: { after: 80 }, contextualSpacing: true, border: { bottom: { style: 'single', size: 12, color: theme.accent, space: 4 } } },
    },
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 11,
      run: { font: HEADINGS_FONT, size: 13 * PT, color: '595959' },
      paragraph: { spacing: { before: 80, after: 320 } },
    },
    heading(theme, 1, 17, { before: 360 }),
    heading(theme, 2, 14, { before: 280 }),
    heading(theme, 3, 12, { before: 200 }),
    heading(theme, 4, 11, { before: 160, italics: true }),
    heading(theme, 5, 11, { before: 120 }),
    heading(theme, 6, 10, { before: 120, italics: true }),
    // Numbered in the style itself, as Word's own are: applying "List Bullet" to new text in Word gives a bullet.
    { id: STYLE.listBullet, name: 'List Bullet', basedOn: 'Normal', quickFormat: true, paragraph: { ...listSpacing, numbering: { reference: BULLET_REFERENCE, level: 0 } } },
    { id: STYLE.listNumber, name: 'List Number', basedOn: 'Normal', quickFormat: true, paragraph: { ...listSpacing, numbering: { reference: orderedReference(0, 1), level: 0 } } },
    { id: STYLE.listContinue, name: 'List Continue', basedOn: 'Normal', paragraph: { spacing: { after: 60 }, indent: { left: 720 } } },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      uiPriority: 29,
      run: { italics: true, color: '404040' },
      paragraph: { indent: { left: QUOTE_INDENT, right: QUOTE_INDENT }, border: { left: { style: 'single', size: 18, color: theme.accent, space: 8 } } },
    },
    {
      id: STYLE.sourceCode,
      name: 'Source Code',
      basedOn: 'Normal',
      run: { font: theme.fontMono, size: 9.5 * PT },
      paragraph: {
        spacing: { before: 60, after: 180, line: 240, lineRule: 'auto' },
        shading: { type: 'clear', color: 'auto', fill: 'F3F4F6' },
        border: { left: { style: 'single', size: 4, color: 'D0D7DE', space: 4 }, right: { style: 'single', size: 4, color: 'D0D7DE', space: 4 }, top: { style: 'single', size: 4, color: 'D0D7DE', space: 4 }, bottom: { style: 'single', size: 4, color: 'D0D7DE', space: 4 } },
        indent: { left: 120, right: 120 },
      },
    },
    { id: STYLE.compact, name: 'Compact', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { before: 40, after: 40, line: 252, lineRule: 'auto' } } },
    { id: STYLE.rule, name: 'Horizontal Rule', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 60, after: 180, line: 120, lineRule: 'auto' }, border: { bottom: { style: 'single', size: 6, color: 'C8CDD3', space: 1 } } } },
    { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: STYLE.heading(1), next: 'Normal', uiPriority: 39, quickFormat: true, paragraph: { outlineLevel: 9 } },
    { id: STYLE.toc(1), name: 'toc 1', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: { bold: true }, paragraph: { spacing: { before: 120, after: 40 } } },
    { id: STYLE.toc(2), name: 'toc 2', basedOn: 'Normal', next: 'Normal', uiPriority: 39, paragraph: { spacing: { after: 20 }, indent: { left: 280 } } },
    { id: STYLE.toc(3), name: 'toc 3', basedOn: 'Normal', next: 'Normal', uiPriority: 39, paragraph: { spacing: { after: 20 }, indent: { left: 560 } } },
    { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: 9 * PT, color: '6B7280' }, paragraph: { spacing: { after: 0 }, border: { bottom: { style: 'single', size: 4, color: 'D0D7DE', space: 4 } } } },
    { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: 9 * PT, color: '6B7280' }, paragraph: { spacing: { after: 0 }, alignment: 'center' } },
  ];
}

function characterStyles(theme: DocxTheme): ICharacterStyleOptions[] {
  return [
    { id: STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', uiPriority: 99, run: { color: theme.primary, underline: { type: 'single' } } },
    { id: STYLE.verbatim, name: 'Verbatim Char', basedOn: 'DefaultParagraphFont', run: { font: theme.fontMono, size: 10 * PT, shading: { type: 'clear', color: 'auto', fill: 'F3F4F6' } } },
  ];
}

/**
 * A table style with Word's conditional header-row formatting. docx has no builder for table styles
 * (and `importedStyles` would replace its default ones), so packDocx adds it to styles.xml.
 */
export function tableStyleXml(theme: DocxTheme): string {
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="C8CDD3"/>`;
  return (
    `<w:style w:type="table" w:styleId="${STYLE.table}">` +
    `<w:name w:val="Ladder Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="40" w:after="40" w:line="252" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>` +
    `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${theme.primary}"/></w:tcPr></w:tblStylePr>` +
    `<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F6F8FA"/></w:tcPr></w:tblStylePr>` +
    `</w:style>`
  );
}
