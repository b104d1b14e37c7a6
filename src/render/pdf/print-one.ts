import type { Page } from 'puppeteer';
import type { PartStore } from '../part-store.js';
import { fitToOnePage } from './fit-to-one-page.js';
import { fixPdfMetadata } from './fix-pdf-metadata.js';
import { keepLinksOutside } from './part-links.js';
import { numberContents, pageMapOf, samePages, type PageMap } from './number-contents.js';
import type { PdfJob } from './plan-pdfs.js';

/**
 * One job on one page of the pool: load the HTML, fit it if asked, print, fix the metadata. A book
 * with numbered contents needs its chapters' pages before its final print: `pageMaps` keeps where
 * they fell last time, and when an edit moved no chapter that guess holds and the book is laid out
 * once instead of twice.
 */
export async function printOne(page: Page, job: PdfJob, pageMaps: PartStore | null = null): Promise<Uint8Array> {
  // 'load', never network idle: the HTML is self-contained and every request is blocked anyway.
  await page.setContent(job.html, { waitUntil: 'load', timeout: 0 });
  if (job.linksOutside) await keepLinksOutside(page);
  if (job.fitOnePage) {
    await page.emulateMediaType('print');
    await fitToOnePage(page);
  }
  // `final` false: a print read only for where its link targets fell skips the tag tree and outline,
  // which change no page but cost Chromium time.
  const print = (final = true): Promise<Uint8Array> => page.pdf({
    format: job.setup.format,
    margin: job.setup.margin,
    displayHeaderFooter: job.setup.displayHeaderFooter,
    headerTemplate: job.headerTemplate || '<span></span>',
    footerTemplate: job.footerTemplate || '<span></span>',
    printBackground: true,
    tagged: final,
    outline: final,
    timeout: 0,
  });
  if (!job.numberContents) return fixPdfMetadata(await print(), job.metadata);

  const guess = await pageMaps?.get(PAGE_MAP, job.path).then(parsePageMap, () => null);
  let pdf: Uint8Array;
  let pages: PageMap;
  if (guess) {
    const numbered = await numberContents(page, guess);
    pdf = await print();
    pages = await pageMapOf(pdf);
    if (!samePages(pages, guess, numbered)) {
      await numberContents(page, pages);
      pdf = await print();
    }
  } else {
    pages = await pageMapOf(await print(false));
    await numberContents(page, pages);
    pdf = await print();
  }
  await pageMaps?.put(PAGE_MAP, job.path, new TextEncoder().encode(JSON.stringify(pages)));
  return fixPdfMetadata(pdf, job.metadata);
}

/** The part-store kind of a book's last page map. */
const PAGE_MAP = 'page-map';

function parsePageMap(data: Uint8Array | null): PageMap | null {
  if (data === null) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(data));
    return parsed !== null && typeof parsed === 'object' && Object.values(parsed).every((value) => Number.isInteger(value)) ? (parsed as PageMap) : null;
  } catch {
    return null;
  }
}
