import { Document, Footer, Header, PageNumber, Paragraph, TextRun, type FileChild, type PageNumberEstimator } from 'docx';
import type { Site } from '../../model/types.js';
import { cleanText } from './clean-text.js';
import type { PageBox } from './contents-page-numbers.js';
import type { DocxState } from './docx-state.js';
import { docxTheme } from './docx-theme.js';
import { imageRun } from './image-run.js';
import { documentNumbering } from './numbering.js';
import { documentStyles, STYLE } from './styles.js';

const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } } as const;
const MARGIN = 1440;

/** Width between the margins, in twips: what tables are laid out in. */
export function textWidth(site: Site): number {
  return PAGE[site.paper].width - 2 * MARGIN;
}

/** The page and its margins, for the contents' page numbers. */
export function pageBox(site: Site): PageBox {
  return { height: PAGE[site.paper].height, top: MARGIN, bottom: MARGIN, textWidth: textWidth(site) };
}

export interface DocumentParts {
  readonly title: string;
  readonly description: string;
  /**
   * The body, in sections; each section after the first starts on a new page. (The book puts each
   * level in its own section: docx finds a table's section by scanning the body from the table, which
   * is quadratic in one long section.)
   */
  readonly sections: readonly (readonly FileChild[])[];
  readonly state: DocxState;
  /** The running header's document name (a level's title); the book's header names the site only. */
  readonly running?: string;
  /** Works out page numbers for the contents (the book); without it they are left to Word. */
  readonly pageNumbers?: PageNumberEstimator;
}

/** A Word document in the site's theme: styles, numbering, header with the site name, "Page X of Y". */
export function docxDocument(site: Site, parts: DocumentParts): Document {
  const theme = docxTheme(site.theme);
  const clean = (value: string): string => cleanText(value);
  const logo = site.theme.logo === null ? undefined : parts.state.media.images.get(site.theme.logo);
  // The logo sits at the start of the running header, at about the height of two lines of its text.
  const headerLogo = logo ? [imageRun(logo, { id: parts.state.nextDrawingId(), alt: `${clean(site.title)} logo`, maxWidth: 160, maxHeight: 28 }), new TextRun('  ')] : [];
  return new Document({
    title: clean(parts.title),
    subject: clean(site.subject),
    creator: clean(site.author),
    lastModifiedBy: clean(site.author),
    keywords: clean(site.keywords.join(', ')),
    description: clean(parts.description),
    revision: 1,
    styles: documentStyles(theme, site.language),
    // The fonts the styles refer to (see styles.ts); a reference document's theme replaces this one.
    theme: { fonts: { headings: theme.fontHeading, body: theme.fontBody } },
    numbering: documentNumbering(parts.state.orderedStarts),
    footnotes: parts.state.footnotes,
    ...(parts.pageNumbers ? { pageNumbers: parts.pageNumbers } : {}),
    sections: parts.sections.map((children, index) => ({
      properties: { page: { size: PAGE[site.paper], margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 708, footer: 708 } } },
      // Later sections inherit the header and footer, as in Word ("Link to Previous").
      ...(index === 0
        ? {
            headers: { default: new Header({ children: [new Paragraph({ style: STYLE.header, children: [...headerLogo, new TextRun(clean(parts.running ? `${site.title} · ${parts.running}` : site.title))] })] }) },
            footers: {
              default: new Footer({
                children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
              }),
            },
          }
        : {}),
      children: [...children],
    })),
  });
}
