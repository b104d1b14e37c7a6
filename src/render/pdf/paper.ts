import type { PaperFormat, PDFMargin } from 'puppeteer';
import type { Site } from '../../model/types.js';

/** Page geometry of one kind of document; part of each job's key. */
export interface PageSetup {
  readonly format: PaperFormat;
  readonly margin: Required<Pick<PDFMargin, 'top' | 'right' | 'bottom' | 'left'>>;
  readonly displayHeaderFooter: boolean;
}

const SIZE_MM: Readonly<Record<Site['paper'], { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** Handouts (level PDFs, the book): room for the running header and footer. */
export function handoutSetup(paper: Site['paper']): PageSetup {
  return { format: paper, margin: { top: '22mm', right: '18mm', bottom: '20mm', left: '18mm' }, displayHeaderFooter: true };
}

/** The book: the handout's page, with its running header and footer drawn by CSS (none on the cover). */
export function bookSetup(paper: Site['paper']): PageSetup {
  return { ...handoutSetup(paper), displayHeaderFooter: false };
}

const PROFILE_MARGIN_MM = 12;

/** The one-page profile: no running header, the whole sheet is designed. */
export function profileSetup(paper: Site['paper']): PageSetup {
  const m = `${PROFILE_MARGIN_MM}mm`;
  return { format: paper, margin: { top: m, right: m, bottom: m, left: m }, displayHeaderFooter: false };
}

/**
 * The printable area of a profile sheet, as CSS lengths; the fitter drops items until the content
 * fits it. A millimetre is kept in reserve against rounding between layout and print.
 */
export function profileSheet(paper: Site['paper']): { width: string; height: string } {
  const size = SIZE_MM[paper];
  return { width: `${(size.width - 2 * PROFILE_MARGIN_MM).toFixed(1)}mm`, height: `${(size.height - 2 * PROFILE_MARGIN_MM - 1).toFixed(1)}mm` };
}
