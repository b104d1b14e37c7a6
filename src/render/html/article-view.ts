import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Article, Ladder } from '../../model/types.js';
import { bodyHtml, inlineHtml } from './body-html.js';
import { describe, type PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import { tocView } from './toc-view.js';

/** article.liquid's data: the summary with its mentoring question set apart, the source and the levels. */
export function articleView(ladder: Ladder, article: Article, urls: PageUrls): { head: PageHead; data: object } {
  const { facets } = article;
  const levels = article.levels.flatMap((slug) => ladder.levels.filter((level) => level.slug === slug));
  // The "Source: …" line ends the summary; shown below the body (same place in reading order) rather
  // than inside the mentoring-question callout it would otherwise close.
  const last = article.body.children.at(-1);
  const endsWithSource = last?.type === 'paragraph' && /^\s*source\s*:/i.test(toString(last));
  const body: Root = endsWithSource ? { ...article.body, children: article.body.children.slice(0, -1) } : article.body;
  const sourceLine: Root | null = endsWithSource && last ? { type: 'root', children: [last] } : null;
  const source = article.source && /^https?:\/\//i.test(article.source.url) ? { url: article.source.url, host: hostOf(article.source.url) } : null;
  return {
    head: {
      title: article.title,
      description: describe(facets.theme.map((item) => item.text).join(' '), ladder.site.description),
      type: 'article',
      current: { kind: 'article', slug: article.slug },
    },
    data: {
      article: {
        titleHtml: inlineHtml(article.titleInline, urls.href),
        source,
        mentoringQuestion: facets.mentoringQuestion && inlineHtml(facets.mentoringQuestion.children, urls.href),
        body: bodyHtml(body, urls.href, { callout: sectionOf(body, facets.mentoringQuestion?.text ?? null), assetSrc: urls.contentAsset }),
        sourceLine: sourceLine && bodyHtml(sourceLine, urls.href),
        toc: tocView(article.headings),
      },
      levels: levels.map((level) => ({ label: level.label, title: level.title, url: urls.to(sitePaths.level(level.slug)), icon: octicon(level.icon) })),
      icons: { external: octicon('link-external'), question: octicon('light-bulb'), article: octicon('book') },
    },
  };
}

/** Id of the `##` section whose text holds `text`: where the mentoring question sits in the body. */
function sectionOf(body: Root, text: string | null): string | null {
  if (!text) return null;
  let section: string | null = null;
  for (const node of body.children) {
    if (node.type === 'heading' && node.depth === 2) section = typeof node.data?.id === 'string' ? node.data.id : null;
    else if (section && toString(node).includes(text)) return section;
  }
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
