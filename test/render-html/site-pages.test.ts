import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import type { Nodes, Root } from 'mdast';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { buildSite, EXAMPLE_CONTENT } from './build-site.js';
import { attr, byTag, collapse, hasClass, readPage, type ParsedPage } from './parse-page.js';
import { tempDir } from './site-fixture.js';

let outDir: string;
let ladder: Ladder;
let htmlFiles: string[];

beforeAll(async () => {
  outDir = await tempDir('site');
  await buildSite(EXAMPLE_CONTENT, outDir, ['html']);
  ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
  htmlFiles = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/')).sort();
});

describe('the example site', () => {
  it('has every page of the URL scheme', () => {
    const expected = [
      'index.html',
      '404.html',
      'compare.html',
      'matrix.html',
      ...ladder.levels.map((level) => `${level.slug}.html`),
      ...ladder.articles.map((article) => `articles/${article.slug}.html`),
      // A short ladder gets a page for every pair of levels, lower level first.
      ...ladder.levels.flatMap((lower, index) => ladder.levels.slice(index + 1).map((upper) => `compare/${lower.slug}-vs-${upper.slug}.html`)),
      ...ladder.levels.map((level) => `assess/${level.slug}.html`),
    ].sort();
    expect(htmlFiles).toEqual(expected);
    for (const asset of ['site.css', 'theme.css', 'theme.js', 'site.js', 'assess.js', 'minisearch.js', 'search-index.js', 'favicon.svg']) {
      expect(existsSync(path.join(outDir, 'assets', asset)), asset).toBe(true);
    }
    expect(existsSync(path.join(outDir, 'sitemap.xml')), 'no sitemap without site.url').toBe(false);
  });

  it('passes html-validate (recommended rules) on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateString(await readFile(path.join(outDir, file), 'utf8'), file);
      for (const result of report.results) for (const message of result.messages) problems.push(`${file}:${message.line} ${message.ruleId} ${message.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('resolves every internal href and src to a file, and every fragment to an id', async () => {
    const broken: string[] = [];
    let checked = 0;
    const ids = new Map<string, Set<string>>();
    const idsOf = async (file: string): Promise<Set<string>> => {
      let found = ids.get(file);
      if (!found) {
        const page = await readPage(outDir, file);
        found = new Set(page.elements.map((element) => attr(element, 'id')).filter((id): id is string => id !== null));
        ids.set(file, found);
      }
      return found;
    };
    // 404.html links from the site's root path (it is served at any address), checked in render-site.test.ts.
    for (const file of htmlFiles.filter((name) => name !== '404.html')) {
      const page = await readPage(outDir, file);
      for (const element of page.elements) {
        const url = attr(element, 'href') ?? attr(element, 'src');
        if (url === null || /^(https?:|mailto:)/i.test(url)) continue;
        expect(url, `${file}: ${url} is not relative`).not.toMatch(/^(\/|[a-z]+:)/i);
        const [pathPart = '', fragment] = url.split('#', 2);
        const target = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart.split('?')[0] ?? ''));
        checked += 1;
        if (!existsSync(path.join(outDir, target))) broken.push(`${file}: ${url}`);
        else if (fragment && target.endsWith('.html') && !(await idsOf(target)).has(fragment)) broken.push(`${file}: ${url} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('shows every text of every level, article and the overview on its page', async () => {
    const documents = [
      ...ladder.levels.map((level) => ({ page: `${level.slug}.html`, body: level.body })),
      ...ladder.articles.map((article) => ({ page: `articles/${article.slug}.html`, body: article.body })),
      ...(ladder.overview ? [{ page: 'index.html', body: ladder.overview.body }] : []),
    ];
    let texts = 0;
    for (const { page, body } of documents) {
      const { text } = await readPage(outDir, page);
      const missing = sourceTexts(body).filter((piece) => !text.includes(piece));
      texts += sourceTexts(body).length;
      expect(missing, page).toEqual([]);
    }
    expect(texts).toBeGreaterThan(500);
  });
});

describe('a level page', () => {
  let page: ParsedPage;
  beforeAll(async () => {
    page = await readPage(outDir, 'vp.html');
  });

  it('has its title, meta description from the intro and Open Graph tags', () => {
    const vp = ladder.levels.find((level) => level.slug === 'vp');
    expect(collapse(byTag(page, 'title')[0]?.children.map((c) => (c.type === 'text' ? c.value : '')).join('') ?? '')).toBe('VP of Engineering · Engineering Career Ladder');
    const meta = (key: string): string | null => {
      const element = byTag(page, 'meta').find((m) => attr(m, 'name') === key || attr(m, 'property') === key);
      return element ? attr(element, 'content') : null;
    };
    expect(meta('description')).toMatch(/^The VP of Engineering leads the engineering function/);
    expect(vp?.facets.intro.startsWith((meta('description') ?? '').replace(/…$/, ''))).toBe(true);
    expect(meta('og:title')).toBe('VP of Engineering');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:site_name')).toBe('Engineering Career Ladder');
    expect(byTag(page, 'link').some((link) => attr(link, 'rel') === 'canonical')).toBe(false);
  });

  it('has a sidebar in ladder order with each level’s Octicon, the current one marked', () => {
    const sidebar = page.elements.find((element) => attr(element, 'id') === 'sidebar');
    expect(sidebar).toBeDefined();
    const inSidebar: Element[] = [];
    const collect = (node: Element): void => {
      for (const child of node.children) if (child.type === 'element') (inSidebar.push(child), collect(child));
    };
    if (sidebar) collect(sidebar);
    const links = inSidebar.filter((element) => element.tagName === 'a' && ladder.levels.some((level) => attr(element, 'href') === `${level.slug}.html`));
    expect(links.map((link) => attr(link, 'href'))).toEqual(ladder.levels.map((level) => `${level.slug}.html`));
    links.forEach((link, index) => {
      const svg = link.children.find((child) => child.type === 'element' && child.tagName === 'svg');
      const use = svg && svg.type === 'element' ? svg.children.find((child) => child.type === 'element' && child.tagName === 'use') : undefined;
      expect(use && use.type === 'element' ? attr(use, 'href') : null).toBe(`#octicon-${ladder.levels[index]?.icon}`);
    });
    expect(links.filter((link) => attr(link, 'ariaCurrent') === 'page').map((link) => attr(link, 'href'))).toEqual(['vp.html']);
  });

  it('has a table of contents linking to the heading anchors, and anchor links on headings', () => {
    const vp = ladder.levels.find((level) => level.slug === 'vp');
    const tocLinks = page.elements.filter((element) => element.tagName === 'nav' && attr(element, 'ariaLabel') === 'On this page');
    expect(tocLinks).toHaveLength(1);
    const hrefs = new Set(byTag(page, 'a').map((a) => attr(a, 'href')));
    for (const heading of vp?.headings ?? []) {
      expect(hrefs.has(`#${heading.id}`), heading.id).toBe(true);
      expect(page.elements.some((element) => /^h[2-6]$/.test(element.tagName) && attr(element, 'id') === heading.id), heading.id).toBe(true);
    }
    expect(page.elements.filter((element) => hasClass(element, 'anchor')).length).toBeGreaterThan(10);
  });

  it('has the breadcrumb the front matter asks for, previous/next links and related articles', async () => {
    expect(page.elements.some((element) => attr(element, 'ariaLabel') === 'Breadcrumb')).toBe(true);
    const rels = byTag(page, 'a').filter((a) => attr(a, 'rel') === 'prev' || attr(a, 'rel') === 'next');
    expect(rels.map((a) => [attr(a, 'rel'), attr(a, 'href')])).toEqual([['prev', 'director.html']]);
    const director = await readPage(outDir, 'director.html');
    const related = byTag(director, 'a').filter((a) => attr(a, 'href')?.startsWith('articles/'));
    expect(related.map((a) => attr(a, 'href'))).toContain('articles/director-of-engineering.html');
  });

  it('has no download buttons when the build writes HTML only', () => {
    expect(page.elements.some((element) => hasClass(element, 'downloads'))).toBe(false);
    expect(byTag(page, 'a').filter((a) => /\.(pdf|docx)$/.test(attr(a, 'href') ?? ''))).toEqual([]);
  });
});

describe('an article page', () => {
  it('links its source with rel="noopener", sets the mentoring question apart and links its levels', async () => {
    const page = await readPage(outDir, 'articles/director-of-engineering.html');
    const source = byTag(page, 'a').filter((a) => attr(a, 'href')?.startsWith('https://medium.example.com/'));
    expect(source.length).toBeGreaterThanOrEqual(1);
    for (const link of source) expect(attr(link, 'rel')).toBe('noopener');
    const callout = page.elements.find((element) => hasClass(element, 'callout'));
    expect(callout && attr(callout, 'ariaLabelledBy')).toBe('mentoring-question');
    expect(byTag(page, 'a').some((a) => attr(a, 'href') === '../director.html')).toBe(true);
    expect(page.text).not.toContain('Leave a Reply');
  });
});

describe('the home and compare pages', () => {
  it('renders the overview with its Retype links pointing at level pages, and the ladder as cards', async () => {
    const page = await readPage(outDir, 'index.html');
    const hrefs = byTag(page, 'a').map((a) => attr(a, 'href'));
    expect(hrefs.filter((href) => href?.startsWith('/'))).toEqual([]);
    const cards = page.elements.filter((element) => hasClass(element, 'level-card'));
    expect(cards).toHaveLength(ladder.levels.length);
    expect(page.text).toContain('Levels at a Glance');
  });

  it('compares adjacent levels facet by facet and offers every level in the picker', async () => {
    const pair = await readPage(outDir, 'compare/manager-vs-director.html');
    const rowHeaders = byTag(pair, 'th').filter((th) => attr(th, 'scope') === 'row').map((th) => collapse(th.children.map((c) => (c.type === 'text' ? c.value : '')).join('')));
    expect(rowHeaders).toEqual(['Core question', 'Scope', 'Responsibilities', 'Skills', 'Day-to-day', 'Readiness for the next level']);
    expect(byTag(pair, 'th').filter((th) => attr(th, 'scope') === 'col').map((th) => attr(th, 'dataLevel'))).toEqual(['manager', 'director']);
    const picker = await readPage(outDir, 'compare.html');
    expect(byTag(picker, 'select')).toHaveLength(2);
    expect(byTag(picker, 'option')).toHaveLength(ladder.levels.length * 2);
    expect(byTag(picker, 'th').filter((th) => attr(th, 'scope') === 'col')).toHaveLength(ladder.levels.length);
  });
});

/** The texts a reader must find on the page: every text leaf of the body, whitespace collapsed. */
function sourceTexts(body: Root): string[] {
  const texts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const text = collapse(node.value);
      if (text) texts.push(text);
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(body);
  return texts;
}

describe('a build that also writes Word documents', () => {
  it('links each level page and the home page to .docx files that exist, and offers no PDF', async () => {
    const dir = await tempDir('site-docx');
    await buildSite(EXAMPLE_CONTENT, dir, ['html', 'docx']);
    for (const level of ladder.levels) {
      const page = await readPage(dir, `${level.slug}.html`);
      const downloads = byTag(page, 'a').filter((a) => attr(a, 'download') !== null).map((a) => attr(a, 'href') ?? '');
      expect(downloads).toEqual([`${level.slug}.docx`]);
      for (const href of downloads) expect(existsSync(path.join(dir, href)), href).toBe(true);
    }
    const home = byTag(await readPage(dir, 'index.html'), 'a').filter((a) => attr(a, 'download') !== null).map((a) => attr(a, 'href') ?? '');
    expect(home).toEqual(['ladder.docx']);
    expect(existsSync(path.join(dir, 'ladder.docx'))).toBe(true);
  });
});
