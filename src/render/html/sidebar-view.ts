import type { Ladder } from '../../model/types.js';
import type { CurrentPage } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { partKeyOf } from '../part-keys.js';
import type { RenderTemplate } from './site-templates.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import { trusted, type TrustedHtml } from './trusted-html.js';

/** Stands in for the `current` slot while the sidebar is rendered once for every page. */
const MARK = '\u0001';
const MARKS = /\u0001([^\u0001]*)\u0001/g;

function keyOf(current: CurrentPage): string {
  return 'slug' in current ? `${current.kind}:${current.slug}` : current.kind;
}

/** Rendered sidebar HTML without marks, and where each page's mark was. */
interface MarkedHtml {
  readonly html: string;
  readonly marks: ReadonlyMap<string, number>;
  /** The hash of `html`, once a page asked for it. */
  key?: string;
}

function removeMarks(rendered: string): MarkedHtml {
  const marks = new Map<string, number>();
  let removed = 0;
  const html = rendered.replace(MARKS, (match: string, key: string, offset: number) => {
    marks.set(key, offset - removed);
    removed += match.length;
    return '';
  });
  return { html, marks };
}

/**
 * The sidebar lists every level and article, so it is the biggest part of most pages. It is
 * rendered from _sidebar.liquid once per folder depth; each page then only marks its own link. In
 * the template, `{{ item.current }}` prints ` aria-current="page"` on the link to the page shown.
 */
export class Sidebar {
  readonly #rendered = new Map<string, MarkedHtml>();

  constructor(
    private readonly ladder: Ladder,
    private readonly render: RenderTemplate,
  ) {}

  html(urls: PageUrls, current: CurrentPage): TrustedHtml {
    const marked = this.#marked(urls);
    const at = marked.marks.get(keyOf(current));
    // Two slices and a concatenation: V8 joins them without copying the (large) sidebar.
    return trusted(at === undefined ? marked.html : `${marked.html.slice(0, at)} aria-current="page"${marked.html.slice(at)}`);
  }

  /** Stands for `html(urls, current)` in a page's cache key: equal keys, equal HTML, without hashing the sidebar for every page. */
  key(urls: PageUrls, current: CurrentPage): string {
    const marked = this.#marked(urls);
    marked.key ??= partKeyOf(marked.html);
    return `${marked.key}:${marked.marks.get(keyOf(current)) ?? -1}`;
  }

  #marked(urls: PageUrls): MarkedHtml {
    let marked = this.#rendered.get(urls.root);
    if (marked === undefined) {
      marked = removeMarks(this.render('_sidebar', { nav: this.#view(urls) }));
      this.#rendered.set(urls.root, marked);
    }
    return marked;
  }

  #view(pageUrls: PageUrls): object {
    const { ladder } = this;
    // Shared by every page at this depth, so no page-relative shortcuts (a page's own file name).
    const urls = { to: (sitePath: string): string => pageUrls.root + sitePath };
    const mark = (current: CurrentPage): TrustedHtml => trusted(`${MARK}${keyOf(current)}${MARK}`);
    const label = ladder.overview?.frontMatter['label'];
    return {
      overview: {
        label: typeof label === 'string' && label.trim() ? label : 'Overview',
        url: urls.to(sitePaths.home),
        icon: octicon('home'),
        current: mark({ kind: 'home' }),
      },
      levels: ladder.levels.map((level) => ({
        label: level.label,
        title: level.title,
        url: urls.to(sitePaths.level(level.slug)),
        icon: octicon(level.icon),
        current: mark({ kind: 'level', slug: level.slug }),
      })),
      tools: [
        { label: 'Compare levels', url: urls.to(sitePaths.comparePicker), icon: octicon('git-compare'), current: mark({ kind: 'compare' }) },
        { label: 'Skills matrix', url: urls.to(sitePaths.matrix), icon: octicon('table'), current: mark({ kind: 'matrix' }) },
      ],
      articles: ladder.articles.map((article) => ({
        label: article.title,
        url: urls.to(sitePaths.article(article.slug)),
        current: mark({ kind: 'article', slug: article.slug }),
      })),
    };
  }
}
