import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentBase, Ladder } from '../../model/types.js';
import { sitePaths } from './site-urls.js';

/** The global the index script sets; site.js reads it. */
export const SEARCH_GLOBAL = 'LADDERPRESS_SEARCH';

/**
 * One searchable section: [url, page title, section heading, facet words, section text]. The text is
 * the section as a reader sees it, whitespace collapsed, so the browser can both index it and cut a
 * snippet around the match; the browser builds the MiniSearch index from these rows.
 */
type SearchRow = readonly [url: string, page: string, heading: string, facets: string, text: string];

/** Nodes whose children are separate blocks (items, cells, rows): their text is joined with a space. */
const BLOCK_PARENTS = new Set(['root', 'list', 'listItem', 'table', 'tableRow', 'blockquote', 'footnoteDefinition']);

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
    const text = collapse(parts.join(' '));
    if (text || !anchor) rows.push([anchor ? `${url}#${anchor}` : url, title, heading, anchor ? '' : collapse(facetText), text]);
  };
  for (const node of doc.body.children as RootContent[]) {
    if (node.type === 'heading' && node.depth <= 3 && typeof node.data?.id === 'string') {
      flush();
      anchor = node.data.id;
      heading = toString(node);
      parts = [];
    } else {
      parts.push(plainText(node));
    }
  }
  flush();
  return rows;
}

/** Like mdast-util-to-string, but list items, table cells and rows stay separate words ("management budgeting"). */
export function plainText(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((child) => plainText(child as Nodes)).join(BLOCK_PARENTS.has(node.type) ? ' ' : '');
  return toString(node);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
