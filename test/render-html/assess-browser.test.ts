import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { launchTestBrowser } from '../helpers/test-browser.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, EXAMPLE_CONTENT } from './build-site.js';
import { tempDir } from './site-fixture.js';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let outDir: string;
let browser: Browser;
let page: Page;
let errors: string[];

const url = (file: string): string => pathToFileURL(path.join(outDir, file)).href;

beforeAll(async () => {
  outDir = await tempDir('assess');
  await buildSite(EXAMPLE_CONTENT, outDir, ['html']);
  browser = await launchTestBrowser();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
});

afterAll(async () => {
  await browser?.close();
});

/** The answer and note of every row, by key; rows without either are left out. */
function answers(target: Page): Promise<Record<string, { answer: string | null; note: string }>> {
  return target.$$eval('fieldset[data-key]', (items) => {
    const found: Record<string, { answer: string | null; note: string }> = {};
    for (const item of items) {
      const answer = item.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;
      const note = item.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '';
      if (answer || note) found[(item as HTMLElement).dataset['key'] ?? ''] = { answer, note };
    }
    return found;
  });
}

/** Answers the first three rows (consistently, sometimes, not yet) and notes the second; returns the page's URL. */
async function answerThree(): Promise<string> {
  await page.goto(url('assess/vp.html'), { waitUntil: 'load' });
  const keys = await page.$$eval('fieldset[data-key]', (items) => items.slice(0, 3).map((item) => (item as HTMLElement).dataset['key'] ?? ''));
  await page.click(`label[for="a-${keys[0]}-3"]`);
  await page.click(`label[for="a-${keys[1]}-2"]`);
  await page.focus(`#a-${keys[2]}-2`); // keyboard only for the third: arrow from "Sometimes" to "Not yet"
  await page.keyboard.press('ArrowLeft');
  await page.type(`#n-${keys[1]}`, 'Board deck in Q3 — “ask Sam”');
  return page.evaluate(() => location.href);
}

describe('the self-assessment page, opened from file://', () => {
  it('keeps three answers and a note in the URL and shows them again from that URL in a new page', async () => {
    const href = await answerThree();
    expect(href).toMatch(/^file:.*assess\/vp\.html#v1\.[A-Za-z0-9_-]+$/);
    const before = await answers(page);
    expect(Object.values(before).map((entry) => entry.answer)).toEqual(['3', '2', '1']);
    expect(await page.$eval('#assess-overall', (p) => p.textContent)).toBe('3 of 34 expectations answered: 1 consistently, 1 sometimes, 1 not yet.');

    const other = await browser.newPage();
    try {
      await other.goto(href, { waitUntil: 'load' });
      expect(await answers(other)).toEqual(before);
      expect(Object.values(before).some((entry) => entry.note === 'Board deck in Q3 — “ask Sam”')).toBe(true);
      expect(await other.$eval('tfoot tr', (row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual(['1', '1', '1', '31']);
      expect(await other.$eval('#assess-message', (note) => (note as HTMLElement).hidden)).toBe(true);
    } finally {
      await other.close();
    }
    expect(errors).toEqual([]);
  });

  it('skips a damaged part of a hand-edited link with a visible note and keeps the rest', async () => {
    const href = await answerThree();
    const [base, fragment = ''] = href.split('#');
    // Damage the first record only: base64 is read in blocks of four, so later records survive.
    const damaged = `${base}#${fragment.slice(0, 3)}$$$$${fragment.slice(7)}`;
    await page.goto('about:blank');
    await page.goto(damaged, { waitUntil: 'load' });
    const note = await page.$eval('#assess-message', (element) => ({ hidden: (element as HTMLElement).hidden, text: element.textContent ?? '' }));
    expect(note.hidden).toBe(false);
    expect(note.text).toContain('could not be read');
    expect(Object.values(await answers(page)).map((entry) => entry.answer)).toEqual(['2', '1']);
    expect(errors).toEqual([]);
  });

  it('says so, and still works, for answers to rows that no longer exist, garbage and a newer format', async () => {
    const stale = Buffer.from('ZZZZ3Gone now\nzzzz2').toString('base64url');
    for (const [fragment, expected] of [
      [`v1.${stale}`, '2 answers in this link were for expectations this page no longer lists'],
      ['v1.%%%%~~~~', 'could not be read'],
      ['v1.', null],
      ['v7.AAAA', 'made by a newer version'],
    ] as const) {
      await page.goto('about:blank');
      await page.goto(`${url('assess/vp.html')}#${fragment}`, { waitUntil: 'load' });
      const note = await page.$eval('#assess-message', (element) => ({ hidden: (element as HTMLElement).hidden, text: element.textContent ?? '' }));
      if (expected) expect(note.text, fragment).toContain(expected);
      else expect(note.hidden, fragment).toBe(true);
      expect(await answers(page), fragment).toEqual({});
      await page.click('fieldset[data-key] label');
      expect(await page.evaluate(() => location.href), fragment).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
    }
    expect(errors).toEqual([]);
  });

  it('leaves an ordinary anchor alone', async () => {
    await page.goto(`${url('assess/vp.html')}#skills`, { waitUntil: 'load' });
    expect(await page.$eval('#assess-message', (element) => (element as HTMLElement).hidden)).toBe(true);
    expect(await page.evaluate(() => location.href)).toMatch(/#skills$/);
  });

  it('is linked from its level page', async () => {
    await page.goto(url('manager.html'), { waitUntil: 'load' });
    await Promise.all([page.waitForNavigation(), page.click('a[href="assess/manager.html"]')]);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Engineering Manager');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations, answered or not, and fits 390 px (${scheme})`, async () => {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await answerThree();
      const found: string[] = [];
      for (const width of [1280, 390]) {
        await page.setViewport({ width, height: 900 });
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        found.push(...violations.map((v) => `${width}px ${v}`));
        if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      expect(found).toEqual([]);
    });
  }
});
