// The PDF floor: one Chromium printing prepared HTML pages with page.pdf, `pages` tabs at a time.
// Whatever ladderpress adds on top of this (templates, outlines, metadata) is its own overhead.
// An HTML file with a `.json` beside it (print-jobs.ts: ladderpress's own print HTML) is printed as
// ladderpress prints it: set as the page's content, with its page setup, tagged and with an outline.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Page, type PDFOptions } from 'puppeteer';

const [htmlDir, outDir, pagesArg, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!htmlDir || !outDir || !pagesArg) throw new Error('usage: pdf-floor <htmlDir> <outDir> <pages> [chromium]');
await mkdir(outDir, { recursive: true });
const queue = (await readdir(htmlDir)).filter((name) => name.endsWith('.html')).sort();
const browser = await puppeteer.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function print(page: Page, name: string): Promise<void> {
  const file = path.join(htmlDir as string, name);
  const pdf = path.join(outDir as string, name.replace(/\.html$/, '.pdf'));
  const sidecar = file.replace(/\.html$/, '.json');
  if (!existsSync(sidecar)) {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    return;
  }
  const { options } = JSON.parse(await readFile(sidecar, 'utf8')) as { options: PDFOptions };
  await page.setContent(await readFile(file, 'utf8'), { waitUntil: 'load', timeout: 0 });
  await page.pdf({ ...options, path: pdf, printBackground: true, tagged: true, outline: true, timeout: 0 });
}

try {
  const worker = async (): Promise<void> => {
    const page = await browser.newPage();
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) await print(page, name);
    await page.close();
  };
  await Promise.all(Array.from({ length: Number(pagesArg) }, worker));
} finally {
  await browser.close();
}
