import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { EXAMPLE_CONTENT } from './build-site.js';
import { attr, byTag, hasClass, parsePage } from './parse-page.js';
import { renderFiles, siteFiles, tempDir, testContext } from './site-fixture.js';

let ladder: Ladder;
let kitchenSink: Ladder;

beforeAll(async () => {
  ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
  kitchenSink = await readLadderOrThrow(path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'));
});

const page = (files: Map<string, string>, file: string) => {
  const html = files.get(file);
  if (html === undefined) throw new Error(`${file} was not rendered`);
  return parsePage(html);
};

describe('renderSite', () => {
  it('offers the PDF and DOCX downloads of the formats the build writes, with the URLs those renderers use', async () => {
    const files = await renderFiles(ladder, testContext(['html', 'pdf', 'docx']));
    const vp = page(files, 'vp.html');
    const downloads = byTag(vp, 'a').filter((a) => attr(a, 'download') !== null).map((a) => attr(a, 'href'));
    expect(downloads).toEqual(['vp.pdf', 'vp-profile.pdf', 'vp.docx']);
    const home = byTag(page(files, 'index.html'), 'a').filter((a) => attr(a, 'download') !== null).map((a) => attr(a, 'href'));
    expect(home).toEqual(['ladder.pdf', 'ladder.docx']);

    const pdfOnly = await renderFiles(ladder, testContext(['html', 'pdf']));
    expect(byTag(page(pdfOnly, 'vp.html'), 'a').filter((a) => attr(a, 'download') !== null).map((a) => attr(a, 'href'))).toEqual(['vp.pdf', 'vp-profile.pdf']);
  });

  it('writes canonical URLs, og:url and sitemap.xml only when the site URL is known', async () => {
    const withUrl: Ladder = { ...ladder, site: { ...ladder.site, url: 'https://ladder.example.com/careers' } };
    const files = await renderFiles(withUrl);
    const canonical = byTag(page(files, 'articles/first-time-manager.html'), 'link').find((link) => attr(link, 'rel') === 'canonical');
    expect(canonical && attr(canonical, 'href')).toBe('https://ladder.example.com/careers/articles/first-time-manager.html');
    const sitemap = files.get('sitemap.xml') ?? '';
    expect(sitemap).toContain('<loc>https://ladder.example.com/careers/</loc>');
    expect(sitemap).toContain('<loc>https://ladder.example.com/careers/vp.html</loc>');
    expect(sitemap).not.toContain('404');
    // Served at any missing URL, 404.html links from the site's URL (no <base>: output never has one).
    const stylesheet = (files: Map<string, string>): string | undefined =>
      byTag(page(files, '404.html'), 'link').find((link) => attr(link, 'rel') === 'stylesheet' && attr(link, 'href')?.includes('site'))?.properties['href'] as string | undefined;
    expect(byTag(page(files, '404.html'), 'base')).toEqual([]);
    expect(stylesheet(files)).toBe('https://ladder.example.com/careers/assets/site.css');
    expect(byTag(page(files, '404.html'), 'a').some((a) => attr(a, 'href') === 'https://ladder.example.com/careers/vp.html')).toBe(true);

    const without = await renderFiles(ladder);
    expect(without.has('sitemap.xml')).toBe(false);
    // Without its URL, 404.html links from the site's root path (config `base`).
    expect(stylesheet(without)).toBe('/assets/site.css');
    const underPath = await renderFiles({ ...ladder, site: { ...ladder.site, base: '/careers/ladder/' } });
    expect(stylesheet(underPath)).toBe('/careers/ladder/assets/site.css');
    expect(byTag(page(underPath, 'vp.html'), 'link').find((link) => attr(link, 'rel') === 'stylesheet' && attr(link, 'href')?.includes('site'))?.properties['href']).toMatch(/^assets\//);
    expect(byTag(page(without, 'vp.html'), 'link').some((link) => attr(link, 'rel') === 'canonical')).toBe(false);
  });

  it('adds the live-reload script of the dev server at the end of the body', async () => {
    const files = await renderFiles(ladder, testContext(['html'], { liveReload: '/__ladderpress/reload.js' }));
    const scripts = byTag(page(files, 'articles/first-time-manager.html'), 'script').map((script) => attr(script, 'src'));
    expect(scripts.at(-1)).toBe('/__ladderpress/reload.js');
  });

  it('is deterministic: the same model gives byte-identical files', async () => {
    const first = await siteFiles(ladder, testContext(['html', 'pdf', 'docx']));
    const second = await siteFiles(ladder, testContext(['html', 'pdf', 'docx']));
    expect(second.map((file) => file.path)).toEqual(first.map((file) => file.path));
    second.forEach((file, index) => expect(Buffer.from(file.data).equals(Buffer.from(first[index]?.data ?? '')), file.path).toBe(true));
  });

  it('generates a ladder table on the home page when there is no overview', async () => {
    const files = await renderFiles({ ...ladder, overview: null });
    const home = page(files, 'index.html');
    const rows = byTag(home, 'th').filter((th) => attr(th, 'scope') === 'row');
    expect(rows).toHaveLength(ladder.levels.length);
    expect(home.text).toContain('Is engineering the reason the business wins?');
    expect(home.elements.filter((element) => hasClass(element, 'level-card'))).toHaveLength(ladder.levels.length);
  });

  it('cuts card summaries after a sentence, lists a long overview\'s sections and gives every page a tab icon', async () => {
    const files = await renderFiles(ladder);
    const home = page(files, 'index.html');
    const summaries = home.elements.filter((element) => hasClass(element, 'card')).map((card) => collapseText(card));
    expect(summaries.some((text) => text.includes('Its main claim is'))).toBe(false);
    expect(byTag(home, 'link').some((link) => attr(link, 'rel') === 'icon' && attr(link, 'href') === 'assets/favicon.svg')).toBe(true);
    expect(files.get('assets/favicon.svg')).toContain('<svg');
    // The long overview gets an "On this page" list of its sections.
    const toc = home.elements.find((element) => hasClass(element, 'home-toc'));
    expect(toc && collapseText(toc)).toContain('Levels at a Glance');
  });

  it('ships a search index script over titles, headings, facets and body words', async () => {
    const files = await renderFiles(ladder);
    const script = files.get('assets/search-index.js') ?? '';
    expect(script.startsWith('window.LADDERPRESS_SEARCH = ')).toBe(true);
    const { rows } = JSON.parse(script.slice('window.LADDERPRESS_SEARCH = '.length).replace(/;\s*$/, '')) as { rows: string[][] };
    const skills = rows.find((row) => row[0] === 'vp.html#key-skill-sets');
    expect(skills?.[1]).toBe('VP of Engineering');
    expect(rows.find((row) => row[0] === 'senior-engineer.html')?.[1]).toBe('Senior Software Engineer (Senior Engineer)');
    expect(skills?.[2]).toBe('Key Skill Sets');
    expect(skills?.[4]).toMatch(/\bstorytelling\b/i);
    expect(rows.find((row) => row[0] === 'vp.html')?.[3]).toContain('business');
    expect(rows.some((row) => row[0]?.startsWith('articles/'))).toBe(true);
    // List items and table cells stay separate words: "Financial Management" then "Budgeting".
    expect(rows.find((row) => row[0] === 'director.html#skills')?.[4]).toContain('Financial Management Budgeting');
    expect(files.get('assets/minisearch.js')).toContain('MiniSearch');
  });

  it('turns the theme into CSS variables and copies the logo, warning when it is missing', async () => {
    const content = await tempDir('logo');
    await writeFile(path.join(content, 'brand.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    const theme = { ...ladder.site.theme, logo: 'brand.svg', colorPrimary: '#123456', fontBody: 'Georgia, serif; } body { display: none' };
    const files = await renderFiles({ ...ladder, site: { ...ladder.site, theme } }, testContext(['html'], { contentDir: content }));
    expect(files.get('assets/logo.svg')).toContain('<svg');
    const logo = byTag(page(files, 'articles/first-time-manager.html'), 'img').find((img) => hasClass(img, 'brand-logo'));
    expect(logo && attr(logo, 'src')).toBe('../assets/logo.svg');
    const css = files.get('assets/theme.css') ?? '';
    expect(css).toContain('--brand: #123456;');
    expect(css).toContain('--font-body: Georgia, serif  body  display none;');

    const context = testContext(['html'], { contentDir: content });
    const missing = await renderFiles({ ...ladder, site: { ...ladder.site, theme: { ...theme, logo: 'nope.png' } } }, context);
    expect(missing.has('assets/logo.png')).toBe(false);
    expect(context.diagnostics.all.map((d) => d.code)).toEqual(['missing-logo']);
  });

  it('renders the kitchen-sink level as its golden page', async () => {
    const files = await renderFiles(kitchenSink, testContext(['html', 'pdf', 'docx'], { contentDir: path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink') }));
    await expect(files.get('alpha.html')).toMatchFileSnapshot('golden/kitchen-sink-alpha.html');
    await expect(files.get('articles/kitchen-article.html')).toMatchFileSnapshot('golden/kitchen-sink-article.html');
    const beta = page(files, 'beta.html');
    expect(beta.elements.some((element) => attr(element, 'ariaLabel') === 'Breadcrumb')).toBe(false);
    const alpha = page(files, 'alpha.html');
    expect(alpha.elements.some((element) => attr(element, 'ariaLabel') === 'Breadcrumb')).toBe(true);
  });
});

function collapseText(node: import('hast').Element | import('hast').ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(collapseText).join('') : '';
}
