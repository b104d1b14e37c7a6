import type { Diagnostics } from '../diagnostics.js';
import type { Article } from '../model/types.js';
import { readArticleFacets } from './article-facets.js';
import { readArticleText } from './article-text.js';
import { readFrontMatter } from './front-matter.js';
import { articleFrontMatterSchema, type ArticleFrontMatter } from './front-matter-schema.js';
import { titleFromUrl } from './title-from-url.js';
import { reportMissingArticleFacets } from './missing-facets.js';

/** An article read from its file, before the ladder-wide steps (levels, links, heading ids). */
export type ArticleDraft = Omit<Article, 'levels' | 'levelsSource' | 'headings'> & { readonly requestedLevels: readonly string[] | null };

export function readArticle(text: string, file: string, shownFile: string, slug: string, diagnostics: Diagnostics): ArticleDraft | null {
  if (text.trim() === '') {
    diagnostics.report('empty-file', shownFile, null, 'File is empty');
    return null;
  }
  let lines = text.replace(/\n$/, '').split('\n');
  let firstLine = 1;
  let firstOffset = 0;
  let frontMatter: ArticleFrontMatter = {};
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      const parsed = readFrontMatter(lines.slice(1, end).join('\n'), 2, articleFrontMatterSchema, shownFile, diagnostics);
      if (parsed === null) return null;
      frontMatter = parsed.data;
      firstOffset = lines.slice(0, end + 1).reduce((sum, line) => sum + line.length + 1, 0);
      lines = lines.slice(end + 1);
      firstLine = end + 2;
    }
  }
  const { body, source: sourceLine } = readArticleText(lines, firstLine, firstOffset, shownFile, diagnostics);
  const facets = readArticleFacets(body);
  reportMissingArticleFacets(facets, shownFile, diagnostics);
  const source = frontMatter.source ? { url: frontMatter.source, line: 1 } : sourceLine;
  const fromUrl = source ? titleFromUrl(source.url) : null;
  const [title, titleSource] = frontMatter.title
    ? [frontMatter.title, 'front-matter' as const]
    : fromUrl
      ? [fromUrl, 'source-url' as const]
      : [titleFromUrl(`https://x.invalid/${slug}`) ?? slug, 'file-name' as const];
  return {
    kind: 'article',
    slug,
    file,
    title,
    titleInline: [{ type: 'text', value: title }],
    titleSource,
    frontMatter,
    body,
    source,
    facets,
    requestedLevels: frontMatter.levels ?? null,
  };
}
