import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { launchTestBrowser } from '../helpers/test-browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, EXAMPLE_CONTENT } from './build-site.js';
import { tempDir } from './site-fixture.js';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let outDir: string;
let browser: Browser;
let page: Page;

const url = (file: string): string => pathToFileURL(path.join(outDir, file)).href;

beforeAll(async () => {
  outDir = await tempDir('browser');
  await buildSite(EXAMPLE_CONTENT, outDir, ['html']);
  browser = await launchTestBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  readonly id: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the site in a real browser, opened from file://', () => {
  const axePages = ['index.html', 'vp.html', 'articles/director-of-engineering.html', 'compare.html', 'compare/manager-vs-director.html', 'matrix.html'];

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on home, a level, an article, compare and matrix (${scheme})`, async () => {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const found: string[] = [];
      for (const file of axePages) {
        await page.goto(url(file), { waitUntil: 'load' });
        found.push(...(await axeViolations()).map((v) => `${file} ${v}`));
      }
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      expect(found).toEqual([]);
    });
  }

  it('navigates from the home page to a level through the sidebar', async () => {
    await page.goto(url('index.html'), { waitUntil: 'load' });
    await Promise.all([page.waitForNavigation(), page.click('#sidebar a[href="manager.html"]')]);
    expect(page.url()).toBe(url('manager.html'));
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Engineering Manager');
    expect(await page.$eval('#sidebar [aria-current="page"]', (a) => a.getAttribute('href'))).toBe('manager.html');
  });

  it('finds a skill word with search and lands on the level that names it', async () => {
    await page.goto(url('senior-engineer.html'), { waitUntil: 'load' });
    await page.click('#search-input');
    await page.type('#search-input', 'unit economics');
    await page.waitForSelector('.search-results:not([hidden]) a', { timeout: 10_000 });
    const first = await page.$eval('.search-results a', (a) => ({ href: a.getAttribute('href'), text: a.textContent }));
    expect(await page.$eval('.search-results .search-hit-page', (title) => title.textContent)).toBe('VP of Engineering');
    expect(first.text).toContain('Key Skill Sets');
    await Promise.all([page.waitForNavigation(), page.click('.search-results a')]);
    expect(page.url()).toBe(`${url('vp.html')}#key-skill-sets`);
  });

  it('searches from a page in a subfolder too', async () => {
    await page.goto(url('articles/first-time-manager.html'), { waitUntil: 'load' });
    await page.type('#search-input', 'storytelling');
    await page.waitForSelector('.search-results:not([hidden]) a', { timeout: 10_000 });
    const href = await page.$eval('.search-results a', (a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${url('vp.html')}#key-skill-sets`);
  });

  it('finds a word at the edge of a list item, with a highlighted snippet grouped under its page', async () => {
    await page.goto(url('index.html'), { waitUntil: 'load' });
    await page.type('#search-input', 'budgeting');
    await page.waitForSelector('.search-results:not([hidden]) a', { timeout: 10_000 });
    const groups = await page.$$eval('.search-group', (sections) =>
      sections.map((section) => ({
        page: section.querySelector('.search-hit-page')?.textContent,
        sections: [...section.querySelectorAll('.search-hit-section')].map((s) => s.textContent),
        marks: [...section.querySelectorAll('.search-hit-snippet mark')].map((m) => m.textContent?.toLowerCase()),
      })),
    );
    const director = groups.find((group) => group.page?.includes('Director'));
    expect(director?.sections).toContain('Skills');
    expect(director?.marks).toContain('budgeting');
    // Each page appears once, its sections under it.
    expect(new Set(groups.map((group) => group.page)).size).toBe(groups.length);
  });

  it('focuses search with / and with Ctrl-K', async () => {
    await page.goto(url('vp.html'), { waitUntil: 'load' });
    const focused = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
    expect(await focused()).not.toBe('search-input');
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-input');
    expect(await page.$eval('#search-input', (input) => (input as HTMLInputElement).value)).toBe('');
    await page.keyboard.press('Escape');
    await page.click('h1');
    await page.keyboard.down('Control');
    await page.keyboard.press('k');
    await page.keyboard.up('Control');
    expect(await focused()).toBe('search-input');
  });

  it('omits download buttons in an HTML-only build', async () => {
    await page.goto(url('vp.html'), { waitUntil: 'load' });
    expect(await page.$$('.downloads a')).toHaveLength(0);
    expect(await page.$$('a[href$=".pdf"], a[href$=".docx"]')).toHaveLength(0);
  });

  it('toggles dark mode and remembers the choice', async () => {
    await page.goto(url('vp.html'), { waitUntil: 'load' });
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    expect(await page.$eval('.theme-toggle', (b) => b.getAttribute('aria-pressed'))).toBe('false');
    await page.click('.theme-toggle');
    expect(await page.$eval('html', (html) => html.getAttribute('data-theme'))).toBe('dark');
    expect(await page.$eval('.theme-toggle', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.goto(url('index.html'), { waitUntil: 'load' });
    expect(await background()).toBe(dark);
    await page.click('.theme-toggle');
    expect(await background()).toBe(light);
  });

  it('shows the two levels the compare picker names', async () => {
    await page.goto(`${url('compare.html')}?a=engineer&b=vp`, { waitUntil: 'load' });
    const visible = (): Promise<(string | null)[]> =>
      page.$$eval('.compare-table thead th[data-level]', (cells) => cells.filter((cell) => !(cell as HTMLElement).hidden).map((cell) => cell.getAttribute('data-level')));
    expect(await visible()).toEqual(['engineer', 'vp']);
    await page.select('#compare-b', 'director');
    expect(await visible()).toEqual(['engineer', 'director']);
  });

  it('shows a level page what changes from the level below, and opens a folded list', async () => {
    await page.goto(url('director.html'), { waitUntil: 'load' });
    const heading = await page.$eval('#lp-delta', (h2) => ({ text: h2.textContent, top: h2.getBoundingClientRect().top, visible: (h2 as HTMLElement).offsetParent !== null }));
    expect(heading.text).toBe('What changes from Manager');
    expect(heading.visible).toBe(true);
    const firstSection = await page.$eval('.doc-body .doc-section h2', (h2) => h2.getBoundingClientRect().top);
    expect(heading.top).toBeLessThan(firstSection);
    const folded = await page.$('.delta .delta-more');
    expect(folded).not.toBeNull();
    const visible = (): Promise<boolean> => page.$eval('.delta .delta-more li', (li) => (li as HTMLElement).checkVisibility());
    expect(await visible()).toBe(false);
    await page.click('.delta .delta-more summary');
    expect(await visible()).toBe(true);
  });

  for (const width of [1280, 390]) {
    it(`keeps the column heads of compare and matrix tables in view while scrolling (${width} px)`, async () => {
      await page.setViewport({ width, height: 800 });
      try {
        for (const [file, head] of [
          ['compare/manager-vs-director.html', '.compare-table thead th[data-level="director"]'],
          ['matrix.html', '.matrix-table thead th:last-child'],
          ['matrix.html', '.matrix-table thead th:first-child'],
        ] as const) {
          await page.goto(url(file), { waitUntil: 'load' });
          // Scroll the table's box down (and sideways) until the first rows are gone, then ask the
          // browser what is drawn where the head sits: it must be the head itself.
          const seen = await page.evaluate((selector) => {
            const box = document.querySelector('.sticky-scroll') as HTMLElement;
            box.scrollIntoView({ block: 'end' });
            box.scrollTop = box.scrollHeight;
            box.scrollLeft = box.scrollWidth;
            const cell = document.querySelector(selector) as HTMLElement;
            const rect = cell.getBoundingClientRect();
            const boxRect = box.getBoundingClientRect();
            const hit = document.elementFromPoint(Math.min(rect.left + 8, boxRect.right - 8), rect.top + rect.height / 2);
            return { scrolled: box.scrollTop > 0, inBox: rect.top >= boxRect.top - 1 && rect.bottom <= boxRect.bottom, onTop: hit !== null && cell.contains(hit) };
          }, head);
          expect(seen, `${file} ${head}`).toEqual({ scrolled: true, inBox: true, onTop: true });
        }
      } finally {
        await page.setViewport({ width: 1280, height: 900 });
      }
    });
  }

  it('fits a 360 px wide screen without sideways scrolling, with a working menu', async () => {
    await page.setViewport({ width: 360, height: 740 });
    try {
      for (const file of ['index.html', 'vp.html', 'articles/director-of-engineering.html', 'compare/manager-vs-director.html', 'matrix.html']) {
        await page.goto(url(file), { waitUntil: 'load' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, file).toBeLessThanOrEqual(360);
        expect(await axeViolations(), file).toEqual([]);
      }
      // The last page is the matrix: wider than the phone, it fades out on the side with more to see.
      expect(await page.$eval('.table-scroll', (region) => region.getAttribute('data-more'))).toBe('end');
      await page.$eval('.table-scroll', (region) => region.scrollBy(80, 0));
      await page.waitForFunction(() => document.querySelector('.table-scroll')?.getAttribute('data-more') === 'both');
      expect(await page.$eval('.brand-title', (title) => title.getBoundingClientRect().width)).toBeGreaterThan(60);
      await page.type('#search-input', 'management');
      await page.waitForSelector('.search-results:not([hidden]) a', { timeout: 10_000 });
      const panel = await page.$eval('.search-results', (results) => {
        const box = results.getBoundingClientRect();
        return { left: box.left, right: box.right, scrollWidth: document.documentElement.scrollWidth };
      });
      expect(panel.left).toBeGreaterThanOrEqual(0);
      expect(panel.right).toBeLessThanOrEqual(360);
      expect(panel.scrollWidth).toBeLessThanOrEqual(360);
      await page.keyboard.press('Escape');
      expect(await page.$eval('#sidebar', (nav) => getComputedStyle(nav).display)).toBe('none');
      await page.click('.nav-toggle');
      expect(await page.$eval('#sidebar', (nav) => getComputedStyle(nav).display)).toBe('block');
    } finally {
      await page.setViewport({ width: 1280, height: 900 });
    }
  });
});
