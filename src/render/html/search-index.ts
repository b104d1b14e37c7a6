import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentBase, Ladder } from '../../model/types.js';
import { sitePaths } from './site-urls.js';

/** The global the index script sets; site.js reads it. */
export const SEARCH_GLOBAL = 'LADDERPRESS_SEARCH';

/**
 * One searchable section: [url, page title, section heading, facet words, body words]. Words are
 * deduplicated and lower-cased (the browser only needs each term once to find it), which keeps the
 * file a fraction of the text's size; the browser builds the MiniSearch index from these rows.
 */
type SearchRow = readonly [url: string, page: string, heading: string, facets: string, words: string];

/** MiniSearch's default tokenizer, so the words we ship split the same way in the browser. */
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/**
 * assets/search-index.js: a script, not JSON, because browsers refuse `fetch` on file:// while a
 * <script src> still loads there.
 */
export function searchIndexScript(ladder: Ladder): string {
  const rows: SearchRow[] = [];
  for (const level of ladder.levels) {
    const { facets } = level;
    // Skills are left to the skills section's own row, so a skill search lands on that section.
    const facetText = [level.label, facets.coreQuestion?.text ?? '', ...facets.scope.map((s) => `${s.label} ${s.value.text}`)].join(' ');
    const title = level.title.toLowerCase().includes(level.label.toLowerCase()) ? level.title : `${level.title} (${level.label})`;
    rows.push(...sectionRows(level, sitePaths.level(level.slug), title, facetText));
  }
  for (const article of ladder.articles) rows.push(...sectionRows(article, sitePaths.article(article.slug), article.title, ''));
  if (ladder.overview) rows.push(...sectionRows(ladder.overview, sitePaths.home, ladder.overview.title, ''));
  return `window.${SEARCH_GLOBAL} = ${JSON.stringify({ rows })};\n`;
}

/** A page split at its `##` and `###` headings; the text before the first one goes with the page itself. */
function sectionRows(doc: DocumentBase, url: string, title: string, facetText: string): SearchRow[] {
  const rows: SearchRow[] = [];
  let anchor = '';
  let heading = '';
  let parts: string[] = [];
  const flush = (): void => {
    const words = uniqueWords(parts.join(' '));
    if (words || !anchor) rows.push([anchor ? `${url}#${anchor}` : url, title, heading, anchor ? '' : uniqueWords(facetText), words]);
  };
  for (const node of doc.body.children as RootContent[]) {
    if (node.type === 'heading' && node.depth <= 3 && typeof node.data?.id === 'string') {
      flush();
      anchor = node.data.id;
      heading = toString(node);
      parts = [];
    } else {
      parts.push(toString(node));
    }
  }
  flush();
  return rows;
}

function uniqueWords(text: string): string {
  const seen = new Set<string>();
  for (const word of text.toLowerCase().split(SPLIT)) if (word) seen.add(word);
  return [...seen].join(' ');
}
