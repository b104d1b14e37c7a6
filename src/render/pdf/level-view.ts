import path from 'node:path';
import type { Ladder, Level } from '../../model/types.js';
import { documentView, titleBlockView, type DocumentView, type TitleBlockView } from './document-view.js';
import { printBody, type BodyHasts } from './print-body.js';
import { sitePaths } from '../html/site-urls.js';
import { pagePath, siteUrl, standaloneHref } from './print-links.js';
import type { PrintTemplates } from './print-templates.js';
import { trusted, type TrustedHtml } from '../html/trusted-html.js';
import { deltaView, type DeltaView } from '../html/delta-view.js';
import { ladderFacetsView, type LadderFacetsView } from '../html/ladder-facets-view.js';
import { timeChartsView, type TimeChartView } from '../html/time-chart-view.js';

/** Template data of `print/level.liquid`: one level as a handout. */
export interface LevelView {
  readonly doc: DocumentView;
  readonly titleBlock: TitleBlockView;
  readonly body: TrustedHtml;
  /** The level's page on the site, absolute; null when the site's URL is unknown (a relative link means nothing in a file sent on). */
  readonly pageUrl: string | null;
  /** Facets the level's document leaves out and the ladder overview fills. */
  readonly ladder: LadderFacetsView;
  /** The level's week as bar charts, from the ladder's time-allocation tables. */
  readonly timeCharts: readonly TimeChartView[];
  /** What changes from the level below; null for the lowest level. */
  readonly delta: DeltaView | null;
  /** The level's related articles, linked on the site when its URL is known. */
  readonly reading: readonly { readonly title: string; readonly url: string | null }[];
}

export function levelView(ladder: Ladder, level: Level, index: number, templates: PrintTemplates, contentDir: string, hasts: BodyHasts): LevelView {
  const href = standaloneHref(ladder.site, level.slug);
  const below = level.delta && ladder.levels.find((other) => other.slug === level.delta?.from);
  return {
    doc: documentView(ladder.site, templates, 'level', level.title),
    titleBlock: titleBlockView(ladder.site, level, index, ladder.levels.length, 'top', href),
    body: trusted(printBody(hasts(level), { href, idPrefix: '', demote: 0, sourceDir: path.resolve(contentDir, path.dirname(level.file)), contentDir })),
    pageUrl: ladder.site.url ? siteUrl(ladder.site, sitePaths.level(level.slug)) : null,
    ladder: ladderFacetsView(ladder, level, href, (anchor) => siteUrl(ladder.site, pagePath(sitePaths.home, anchor))),
    timeCharts: timeChartsView(ladder, level.slug, ladder.site.url ? (anchor) => siteUrl(ladder.site, pagePath(sitePaths.home, anchor)) : null),
    delta: level.delta && below ? deltaView(level.delta, { title: `What changes from ${below.label}`, lower: below.label, upper: level.label }, href) : null,
    reading: level.articles.flatMap((slug) => {
      const article = ladder.articles.find((a) => a.slug === slug);
      return article ? [{ title: article.title, url: ladder.site.url ? siteUrl(ladder.site, sitePaths.article(slug)) : null }] : [];
    }),
  };
}
