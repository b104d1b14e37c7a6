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
  const print = (): Promise<Uint8Array> => page.pdf({
    format: job.setup.format,
    margin: job.setup.margin,
    displayHeaderFooter: job.setup.displayHeaderFooter,
    headerTemplate: job.headerTemplate || '<span></span>',
    footerTemplate: job.footerTemplate || '<span></span>',
    printBackground: true,
    tagged: true,
    outline: true,
    timeout: 0,
  });
  let pdf = await print();
  if (job.numberContents) {
    await numberContents(page, pdf);
    pdf = await print();
  }
  return fixPdfMetadata(pdf, job.metadata);
}
