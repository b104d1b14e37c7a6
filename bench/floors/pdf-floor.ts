// The PDF floor: one Chromium printing prepared HTML pages with page.pdf, `pages` tabs at a time.
// Whatever ladderpress adds on top of this (templates, outlines, metadata) is its own overhead.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [htmlDir, outDir, pagesArg, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!htmlDir || !outDir || !pagesArg) throw new Error('usage: pdf-floor <htmlDir> <outDir> <pages> [chromium]');
await mkdir(outDir, { recursive: true });
const queue = (await readdir(htmlDir)).filter((name) => name.endsWith('.html')).sort();
const browser = await puppeteer.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const worker = async (): Promise<void> => {
    const page = await browser.newPage();
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      await page.goto(pathToFileURL(path.join(htmlDir, name)).href, { waitUntil: 'load' });
      await page.pdf({ path: path.join(outDir, name.replace(/\.html$/, '.pdf')), format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Number(pagesArg) }, worker));
} finally {
  await browser.close();
}
