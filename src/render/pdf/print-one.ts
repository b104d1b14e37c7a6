import type { Page } from 'puppeteer';
import { fitToOnePage } from './fit-to-one-page.js';
import { fixPdfMetadata } from './fix-pdf-metadata.js';
import type { PdfJob } from './plan-pdfs.js';

/** One job on one page of the pool: load the HTML, fit it if asked, print, fix the metadata. */
export async function printOne(page: Page, job: PdfJob): Promise<Uint8Array> {
  // 'load', never network idle: the HTML is self-contained and every request is blocked anyway.
  await page.setContent(job.html, { waitUntil: 'load', timeout: 0 });
  if (job.fitOnePage) {
    await page.emulateMediaType('print');
    await fitToOnePage(page);
  }
  const pdf = await page.pdf({
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
  return fixPdfMetadata(pdf, job.metadata);
}
