import type { Page } from 'puppeteer';
import { chromiumDestinationPages } from './destination-pages.js';
import { pdfjs } from './pdfjs.js';

/** Named destination → page (1-based): where each chapter of a printed book begins. */
export type PageMap = Record<string, number>;

/** Where the link targets of a printed document fell. */
export async function pageMapOf(pdf: Uint8Array): Promise<PageMap> {
  return chromiumDestinationPages(pdf) ?? (await destinationPages(pdf));
}

/**
 * Fills the contents' page numbers (`[data-page-of=anchor]`) from where the chapters fell, and returns
 * the anchors it numbered. The numbers go into space the layout already reserved, so nothing moves:
 * a print after this has the pages of a print before it.
 */
export async function numberContents(page: Page, pages: PageMap): Promise<string[]> {
  return page.evaluate((numbers: PageMap) => {
    const numbered: string[] = [];
    for (const span of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
      const anchor = span.dataset['pageOf'] ?? '';
      const number = numbers[anchor];
      span.textContent = number === undefined ? '' : String(number);
      numbered.push(anchor);
    }
    return numbered;
  }, pages);
}

/** Whether two page maps agree on every one of `anchors`. */
export function samePages(a: PageMap, b: PageMap, anchors: readonly string[]): boolean {
  return anchors.every((anchor) => a[anchor] === b[anchor]);
}

/** Named destination → page number (1-based), by pdf.js: for PDFs of a shape destination-pages.ts does not read. */
async function destinationPages(pdf: Uint8Array): Promise<Record<string, number>> {
  // Loaded on first use: only the book needs it.
  const { getDocument } = await pdfjs();
  // pdf.js may transfer the buffer it is given: a copy keeps the caller's bytes intact.
  const task = getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const out: Record<string, number> = {};
    const destinations = (await document.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, destination] of Object.entries(destinations)) {
      const ref = destination?.[0];
      if (ref && typeof ref === 'object') out[name] = (await document.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
    return out;
  } finally {
    await task.destroy();
  }
}
