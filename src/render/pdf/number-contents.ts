import type { Page } from 'puppeteer';
import { chromiumDestinationPages } from './destination-pages.js';

/**
 * Fills the contents' page numbers (`[data-page-of=anchor]`) from a first print of the same page:
 * Chromium gives every link target a named destination, and the destination's page is the
 * chapter's page. The numbers go into space the layout already reserved, so nothing moves and the
 * second print's pages are the first's.
 */
export async function numberContents(page: Page, firstPrint: Uint8Array): Promise<void> {
  const pages = chromiumDestinationPages(firstPrint) ?? (await destinationPages(firstPrint));
  await page.evaluate((numbers: Record<string, number>) => {
    for (const span of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
      const number = numbers[span.dataset['pageOf'] ?? ''];
      span.textContent = number === undefined ? '' : String(number);
    }
  }, pages);
}

/** Named destination → page number (1-based), by pdf.js: for PDFs of a shape destination-pages.ts does not read. */
async function destinationPages(pdf: Uint8Array): Promise<Record<string, number>> {
  // Loaded on first use: only the book needs it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
