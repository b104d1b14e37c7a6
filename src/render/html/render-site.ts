import path from 'node:path';
import { readInside } from '../../inside-folder.js';
import type { Ladder } from '../../model/types.js';
import type { OutputFile, RenderContext } from '../render-context.js';
import { articleView } from './article-view.js';
import { assessView } from './assess-view.js';
import { comparedPairs, compareView, FacetCells } from './compare-view.js';
import { homeView } from './home-view.js';
import { layoutView, type PageHead } from './layout-view.js';
import { levelView } from './level-view.js';
import { matrixView } from './matrix-view.js';
import { notFoundView } from './not-found-view.js';
import { iconName, octiconSprite, UI_ICONS } from './octicon-svg.js';
import { Sidebar } from './sidebar-view.js';
import { searchIndexScript } from './search-index.js';
import { siteAssets } from './site-assets.js';
import { contentAssets } from './content-assets.js';
import { loadSiteTemplates, type PageTemplate } from './site-templates.js';
import { absoluteUrl, pageUrls, sitePaths, type PageUrls } from './site-urls.js';
import { sitemapXml } from './sitemap.js';
import { trusted } from './trusted-html.js';
import { partKeyOf } from '../part-keys.js';

/** A page to render: where it goes, its template, and its view (built with that page's URLs). */
interface PagePlan {
  readonly path: string;
  readonly template: PageTemplate;
  readonly view: (urls: PageUrls) => { head: PageHead; data: object };
  /** Listed in sitemap.xml. */
  readonly public: boolean;
}

/**
 * model → every file of the microsite (pages, assets, search index, sitemap, 404), each handed to
 * `emit` as soon as it is made: at 500 levels the pages are a quarter of a gigabyte.
 */
export async function renderSite(given: Ladder, context: RenderContext, emit: (file: OutputFile) => Promise<void>): Promise<void> {
  const ladder = await withPublishableLogo(given, context);
  const { render, key: templatesKey } = await loadSiteTemplates(context.templatesDir);
  const pageCache = context.parts ?? null;
  const cells = new FacetCells();
  const sidebar = new Sidebar(ladder, render);
  const sprite = octiconSprite([...UI_ICONS, ...ladder.levels.map((level) => iconName(level.icon))]);
  const spriteKey = partKeyOf(String(sprite));
  const pages: PagePlan[] = [
    { path: sitePaths.home, template: 'home', view: (urls) => homeView(ladder, context, urls), public: true },
    ...ladder.levels.map((level, index): PagePlan => ({ path: sitePaths.level(level.slug), template: 'level', view: (urls) => levelView(ladder, index, context, urls), public: true })),
    ...ladder.articles.map((article): PagePlan => ({ path: sitePaths.article(article.slug), template: 'article', view: (urls) => articleView(ladder, article, urls), public: true })),
    { path: sitePaths.comparePicker, template: 'compare-picker', view: (urls) => compareView(ladder, ladder.levels, urls, cells, true), public: true },
    ...comparedPairs(ladder.levels).map(([a, b]): PagePlan => ({ path: sitePaths.compare(a.slug, b.slug), template: 'compare', view: (urls) => compareView(ladder, [a, b], urls, cells, false), public: true })),
    { path: sitePaths.matrix, template: 'matrix', view: (urls) => matrixView(ladder, urls), public: true },
    // Not in the sitemap: each repeats its level page's expectations as a form.
    ...ladder.levels.map((level, index): PagePlan => ({ path: sitePaths.assess(level.slug), template: 'assess', view: (urls) => assessView(ladder, index, urls), public: false })),
    { path: sitePaths.notFound, template: 'not-found', view: (urls) => notFoundView(ladder, urls), public: false },
  ];

  for (const page of pages) {
    context.signal.throwIfAborted();
    // A host serves 404.html at whatever address was missing: its links start at the site's root.
    const urls = pageUrls(page.path, page.template === 'not-found' ? siteRoot(ladder.site) : null);
    const { head, data } = page.view(urls);
    const layout = layoutView(ladder, context, urls, head, { content: trusted(''), sidebar: sidebar.html(urls, head.current), sprite });
    // The page is a function of its template, its view and the layout around it: when none changed
    // since a build that kept it (a one-file edit leaves most pages so), it is not rendered again.
    // The sidebar and icons, the same on every page, enter the key by their own keys.
    const key = pageCache && pageKey(templatesKey, page.template, data, { ...layout, sidebar: sidebar.key(urls, head.current), sprite: spriteKey });
    const kept = key === null ? null : await pageCache?.get(PAGE_PART, key);
    if (kept) {
      await emit({ path: page.path, data: kept });
      continue;
    }
    // Encoded once for both the output and the cache: at 500 levels the pages are 250 MB of text.
    const html = Buffer.from(render('layout', { ...layout, content: trusted(render(page.template, data)) }), 'utf8');
    await emit({ path: page.path, data: html });
    if (key !== null) await pageCache?.put(PAGE_PART, key, html);
  }
  await emit({ path: sitePaths.asset('search-index.js'), data: searchIndexScript(ladder) });
  for (const file of await siteAssets(ladder.site.theme, context)) await emit(file);
  for (const file of await contentAssets(ladder, context.contentDir)) await emit(file);
  const sitemapUrls = pages.filter((page) => page.public).map((page) => absoluteUrl(ladder.site.url, page.path));
  if (ladder.site.url) await emit({ path: sitePaths.sitemap, data: sitemapXml(sitemapUrls.filter((url): url is string => url !== null)) });
}

/** The part-store kind of a rendered page. */
const PAGE_PART = 'page';

/**
 * The key of a page's inputs, or null when they hold something JSON cannot show whole (a Map, a
 * function): such a page is always rendered, never reused on a key that might miss a change.
 */
function pageKey(templatesKey: string, template: PageTemplate, data: object, layout: object): string | null {
  try {
    return partKeyOf(JSON.stringify([templatesKey, template, data, layout], (_, value: unknown) => {
      if (typeof value === 'function' || value instanceof Map || value instanceof Set) throw new TypeError('not plain data');
      return value;
    }));
  } catch {
    return null;
  }
}

/** Where the site's root is, as an absolute URL or path: its URL when known, else the base path. */
function siteRoot(site: Ladder['site']): string {
  return absoluteUrl(site.url, sitePaths.home) ?? site.base;
}

/**
 * The ladder as the site shows it: a logo that is missing, or a link out of the content folder, is
 * never published, so no page may link it either.
 */
async function withPublishableLogo(ladder: Ladder, context: RenderContext): Promise<Ladder> {
  const { logo } = ladder.site.theme;
  if (logo === null) return ladder;
  const readable = await readInside(context.contentDir, path.resolve(context.contentDir, logo)).then(() => true, () => false);
  if (readable) return ladder;
  context.diagnostics.report('missing-logo', logo, null, `The logo ${logo} was not found in the content folder; the site has no logo`);
  return { ...ladder, site: { ...ladder.site, theme: { ...ladder.site.theme, logo: null } } };
}
