import type { Ladder } from '../../model/types.js';
import type { RenderContext } from '../render-context.js';
import { bodyParts, inlineHtml } from './body-html.js';
import { ladderDownloads } from './downloads-view.js';
import { describe, type PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import { trackMapSvg } from '../track-map-svg.js';
import { ourSvg } from './trusted-html.js';

/**
 * home.liquid's data: the overview page when the ladder has one (its Retype links already point at
 * our pages), otherwise a generated table; the ladder as cards in ladder order in both cases.
 */
export function homeView(ladder: Ladder, context: RenderContext, urls: PageUrls): { head: PageHead; data: object } {
  const { overview, site } = ladder;
  const levels = ladder.levels.map((level, index) => ({
    label: level.label,
    title: level.title,
    url: urls.to(sitePaths.level(level.slug)),
    icon: octicon(level.icon, 'dot', 20),
    position: index + 1,
    coreQuestion: level.facets.coreQuestion && inlineHtml(level.facets.coreQuestion.children, urls.href),
    scope: level.facets.scope.map((entry) => ({ label: entry.label, value: inlineHtml(entry.value.children, urls.href) })),
    summary: describe(level.facets.intro, ''),
  }));
  // The overview's intro leads the page; its sections follow the cards.
  const parts = overview && bodyParts(overview.body, urls.href, { assetSrc: urls.contentAsset });
  return {
    head: { title: overview?.title ?? site.title, description: site.description, type: 'website', current: { kind: 'home' } },
    data: {
      home: {
        titleHtml: overview ? inlineHtml(overview.titleInline, urls.href) : site.title,
        intro: parts?.intro ?? null,
        description: site.description,
        overview: parts?.sections ?? null,
        toc: homeToc(ladder),
        levels,
        trackMap: ourSvg(trackMapSvg(ladder, (slug) => urls.to(sitePaths.level(slug)))),
        articles: ladder.articles.map((article) => ({
          title: article.title,
          url: urls.to(sitePaths.article(article.slug)),
          summary: describe(article.facets.theme.map((item) => item.text).join(' '), ''),
        })),
        compareUrl: urls.to(sitePaths.comparePicker),
        matrixUrl: urls.to(sitePaths.matrix),
        downloads: ladderDownloads(context, urls, ladder.site.title),
      },
      icons: { compare: octicon('git-compare', 'dot', 20), matrix: octicon('table', 'dot', 20), article: octicon('book'), arrow: octicon('arrow-right') },
    },
  };
}

/** A long overview (three or more sections) gets an "On this page" list: the levels, its sections, the articles. */
function homeToc(ladder: Ladder): { text: string; url: string }[] {
  const sections = (ladder.overview?.headings ?? []).filter((heading) => heading.depth === 2);
  if (sections.length < 3) return [];
  return [
    { text: 'The levels', url: '#lp-levels' },
    ...sections.map((heading) => ({ text: heading.text, url: `#${heading.id}` })),
    ...(ladder.articles.length > 0 ? [{ text: 'Articles', url: '#lp-articles' }] : []),
  ];
}
