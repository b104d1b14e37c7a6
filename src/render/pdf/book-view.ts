import path from 'node:path';
import type { DocumentBase, Ladder } from '../../model/types.js';
import { documentView, inlineHtml, titleBlockView, type DocumentView, type TitleBlockView } from './document-view.js';
import { printBody, type BodyHasts } from './print-body.js';
import { bookAnchor, bookHref } from './print-links.js';
import type { PrintTemplates } from './print-templates.js';
import { trackMapSvg } from '../track-map-svg.js';
import { ourSvg, trusted, type TrustedHtml } from '../html/trusted-html.js';

/** Template data of `print/book.liquid`: the whole ladder as one PDF. */
export interface BookView {
  readonly doc: DocumentView;
  /** Null in a part of a book printed in parts (book-parts.ts) that does not open it. */
  readonly cover: { readonly title: string; readonly description: string; readonly summary: string; readonly date: string; readonly author: string } | null;
  readonly contents: readonly { readonly anchor: string; readonly number: string; readonly title: string; readonly note: string }[];
  readonly overview: { readonly anchor: string; readonly title: string; readonly body: TrustedHtml } | null;
  readonly levels: readonly { readonly titleBlock: TitleBlockView; readonly body: TrustedHtml }[];
  readonly articles: readonly { readonly anchor: string; readonly titleHtml: TrustedHtml; readonly source: string | null; readonly levels: string; readonly body: TrustedHtml }[];
  readonly appendixAnchor: string;
  /** The ladder's levels, tracks and transitions as SVG, each level linking to its chapter. */
  readonly trackMap: TrustedHtml | null;
}

/** The book's name in its running header. */
export const BOOK_RUNNING_TITLE = 'The complete ladder';

export function bookView(ladder: Ladder, templates: PrintTemplates, contentDir: string, hasts: BodyHasts): BookView {
  const { site } = ladder;
  const href = bookHref(ladder.overview?.slug ?? null, site);
  const body = (doc: DocumentBase, demote: number): TrustedHtml =>
    trusted(printBody(hasts(doc), { href, idPrefix: `${doc.slug}--`, demote, sourceDir: path.resolve(contentDir, path.dirname(doc.file)), contentDir }));
  const labels = new Map(ladder.levels.map((level) => [level.slug, level.label]));
  const overview = ladder.overview;
  // The overview usually repeats the site's title, which the cover already shows.
  const overviewTitle = overview && overview.title !== site.title ? overview.title : 'Overview';
  return {
    doc: documentView(site, templates, 'book', site.title, { '--running-site': cssString(site.title), '--running-title': cssString(BOOK_RUNNING_TITLE) }),
    trackMap: ourSvg(trackMapSvg(ladder, (slug) => `#${bookAnchor(slug, null)}`, 'book-track-map')),
    cover: {
      title: site.title,
      description: site.description,
      summary: `${ladder.levels.length} levels${ladder.articles.length ? ` · ${ladder.articles.length} articles` : ''}`,
      date: new Intl.DateTimeFormat(site.language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(site.date)),
      author: site.author,
    },
    contents: [
      ...(overview ? [{ anchor: bookAnchor(overview.slug, null), number: '', title: overviewTitle, note: '' }] : []),
      ...ladder.levels.map((level, i) => ({ anchor: bookAnchor(level.slug, null), number: String(i + 1), title: level.title, note: level.facets.coreQuestion?.text ?? '' })),
      ...(ladder.articles.length ? [{ anchor: 'ladder-appendix', number: 'A', title: 'Appendix: Articles', note: ladder.articles.map((a) => a.title).join(' · ') }] : []),
    ],
    overview: overview ? { anchor: bookAnchor(overview.slug, null), title: overviewTitle, body: body(overview, 0) } : null,
    levels: ladder.levels.map((level, i) => ({ titleBlock: titleBlockView(site, level, i, ladder.levels.length, bookAnchor(level.slug, null), href), body: body(level, 0) })),
    articles: ladder.articles.map((article) => ({
      anchor: bookAnchor(article.slug, null),
      titleHtml: inlineHtml(article.titleInline, href),
      source: article.source?.url ?? null,
      levels: article.levels.map((slug) => labels.get(slug) ?? slug).join(', '),
      body: body(article, 1),
    })),
    appendixAnchor: 'ladder-appendix',
  };
}

/** A CSS string literal (for `content:` through a custom property): quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ')}"`;
}
