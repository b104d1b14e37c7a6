import type { Page } from 'puppeteer';
import { fitToOnePage } from './fit-to-one-page.js';
import { fixPdfMetadata } from './fix-pdf-metadata.js';
import { numberContents } from './number-contents.js';
import type { PdfJob } from './plan-pdfs.js';

/** One job on one page of the pool: load the HTML, fit it if asked, print (twice for numbered contents), fix the metadata. */
export async function printOne(page: Page, job: PdfJob): Promise<Uint8Array> {
  // 'load', never network idle: the HTML is self-contained and every request is blocked anyway.
  await page.setContent(job.html, { waitUntil: 'load', timeout: 0 });
  if (job.fitOnePage) {
    await page.emulateMediaType('print');
    await fitToOnePage(page);
  }
  // `final` false: a print read only for where its link targets fell (numbered contents) skips the
  // tag tree and outline, which change no page but cost Chromium time.
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
  if (job.numberContents) await numberContents(page, await print(false));
  const pdf = await print();
  return fixPdfMetadata(pdf, job.metadata);
}
