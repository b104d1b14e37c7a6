import type { Ladder, Level } from '../../model/types.js';
import type { RenderContext } from '../render-context.js';
import { bodyParts, inlineHtml } from './body-html.js';
import { deltaView } from './delta-view.js';
import { levelDownloads } from './downloads-view.js';
import { ladderFacetsView } from './ladder-facets-view.js';
import { scopeMarks } from '../scope-marks.js';
import { describe, type PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import { timeChartsView } from './time-chart-view.js';
import { tocView } from './toc-view.js';
import { jsonLd } from './json-ld.js';
import { displayDate } from '../display-date.js';

/** level.liquid's data: the whole body plus the navigation around it. */
export function levelView(ladder: Ladder, index: number, context: RenderContext, urls: PageUrls): { head: PageHead; data: object } {
  const level = ladder.levels[index] as Level;
  const prev = ladder.levels[index - 1] ?? null;
  const next = ladder.levels[index + 1] ?? null;
  const neighbour = (other: Level | null): object | null =>
    other && { label: other.label, title: other.title, url: urls.to(sitePaths.level(other.slug)), icon: octicon(other.icon) };
  const articles = level.articles.flatMap((slug) => ladder.articles.filter((article) => article.slug === slug));
  const { facets } = level;
  const below = level.delta && ladder.levels.find((other) => other.slug === level.delta?.from);
  const marks = scopeMarks(facets.scope);
  return {
    head: {
      title: level.title,
      description: describe(facets.intro, ladder.site.description),
      type: 'article',
      current: { kind: 'level', slug: level.slug },
      structuredData: jsonLd(context.formats.flatMap((format) => (format.levelData ? [format.levelData(level, ladder)] : []))),
    },
    data: {
      level: {
        slug: level.slug,
        label: level.label,
        titleHtml: inlineHtml(level.titleInline, urls.href),
        icon: octicon(level.icon, 'dot', 24),
        position: index + 1,
        count: ladder.levels.length,
        coreQuestion: facets.coreQuestion && inlineHtml(facets.coreQuestion.children, urls.href),
        scope: facets.scope.map((entry) => ({ label: entry.label, value: inlineHtml(entry.value.children, urls.href), fromLadder: marks.marked(entry) })),
        // The intro says what the level is; "what changes" follows it, before the sections.
        body: bodyParts(level.body, urls.href, { assetSrc: urls.contentAsset }),
        toc: tocView(level.headings),
        updated: { iso: level.updated.slice(0, 10), text: displayDate(level.updated, ladder.site.language) },
        ladder: ladderFacetsView(ladder, level, urls.href, (anchor) => urls.to(sitePaths.home + (anchor ? `#${anchor}` : ''))),
        timeCharts: timeChartsView(ladder, level.slug, (anchor) => urls.to(sitePaths.home + (anchor ? `#${anchor}` : ''))),
      },
      delta: level.delta && below ? deltaView(level.delta, { title: `What changes from ${below.label}`, lower: below.label, upper: level.label }, urls.href) : null,
      deltaLink: below ? { label: `${below.label} and ${level.label} side by side`, url: urls.to(sitePaths.compare(below.slug, level.slug)) } : null,
      breadcrumb: level.breadcrumb ? [{ label: ladder.site.title, url: urls.to(sitePaths.home) }] : null,
      prev: neighbour(prev),
      next: neighbour(next),
      compare: {
        prev: prev && { label: `Compare with ${prev.label}`, url: urls.to(sitePaths.compare(prev.slug, level.slug)) },
        next: next && { label: `Compare with ${next.label}`, url: urls.to(sitePaths.compare(level.slug, next.slug)) },
      },
      articles: articles.map((article) => ({
        title: article.title,
        url: urls.to(sitePaths.article(article.slug)),
        summary: describe(article.facets.theme.map((item) => item.text).join(' '), ''),
      })),
      downloads: levelDownloads(level.slug, level.label, context, urls, ladder.site.title),
      assessUrl: urls.to(sitePaths.assess(level.slug)),
      icons: { prev: octicon('arrow-left'), next: octicon('arrow-right'), compare: octicon('git-compare'), article: octicon('book') },
    },
  };
}
