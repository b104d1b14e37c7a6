import type { DeltaItem, GrownItem, LevelDelta, WordChange } from '../../model/types.js';
import { DELTA_FACETS, deltaSummary, facetCounts, notRestated, showsWordDiff } from '../delta-display.js';
import { inlineHtml } from './body-html.js';
import type { LinkHref } from './mdast-to-html.js';
import { escapeHtml, trusted, type TrustedHtml } from './trusted-html.js';

/**
 * Items of each list shown before the rest folds into "N more" (a fold of one item is not worth a
 * click): what is new matters most.
 */
const SHOWN: Readonly<Record<DeltaList['kind'], number>> = { added: 4, grown: 4 };

export interface DeltaEntry {
  readonly group: string;
  readonly html: TrustedHtml;
}

export interface DeltaList {
  readonly kind: 'added' | 'grown';
  readonly title: string;
  readonly shown: readonly DeltaEntry[];
  readonly more: readonly DeltaEntry[];
  readonly moreLabel: string;
}

/**
 * The lower level's items the upper level does not repeat: one section after the facets, folded on
 * the page (a count per facet on its summary line), listed in full in print.
 */
export interface NotRestatedView {
  readonly title: string;
  readonly note: string;
  /** "Responsibilities 15 · Skills 4 · Day-to-day 10" */
  readonly counts: string;
  readonly facets: readonly { readonly name: string; readonly entries: readonly DeltaEntry[] }[];
}

/** `_delta.liquid`'s data: what changes from one level to another, by facet, every item kept. */
export interface DeltaView {
  readonly title: string;
  readonly summary: string;
  readonly empty: boolean;
  /** New and grown items, facet by facet. */
  readonly facets: readonly { readonly name: string; readonly lists: readonly DeltaList[] }[];
  readonly notRestated: NotRestatedView | null;
}

/** The heading, and the labels of the two levels compared (the lower first). */
export interface DeltaTitles {
  readonly title: string;
  readonly lower: string;
  readonly upper: string;
}

/** Also the handout's: `href` makes links right for the page or document it is shown in. */
export function deltaView(delta: LevelDelta, titles: DeltaTitles, href: LinkHref): DeltaView {
  const entry = (item: DeltaItem): DeltaEntry => ({ group: item.group, html: inlineHtml(item.text.children, href) });
  const grownEntry = (item: GrownItem): DeltaEntry => ({
    group: item.group,
    html: showsWordDiff(item.changes)
      ? changesHtml(item.changes)
      : trusted(`${inlineHtml(item.text.children, href).html} <span class="delta-before">(was: ${inlineHtml(item.before.children, href).html})</span>`),
  });
  const facets = DELTA_FACETS.map(([facet, name]) => ({
    name,
    lists: [
      list('added', 'New', delta.added.filter((item) => item.facet === facet).map(entry)),
      list('grown', 'Grew', delta.grown.filter((item) => item.facet === facet).map(grownEntry)),
    ].filter((candidate) => candidate.shown.length > 0),
  })).filter((facet) => facet.lists.length > 0);
  const notRestatedFacets = DELTA_FACETS.map(([facet, name]) => ({ name, entries: groupOnce(delta.removed.filter((item) => item.facet === facet).map(entry)) })).filter(
    (facet) => facet.entries.length > 0,
  );
  return {
    title: titles.title,
    summary: deltaSummary(delta),
    empty: facets.length === 0 && notRestatedFacets.length === 0,
    facets,
    notRestated: notRestatedFacets.length > 0 ? { ...notRestated(titles.lower, titles.upper), counts: facetCounts(delta.removed), facets: notRestatedFacets } : null,
  };
}

function list(kind: DeltaList['kind'], title: string, entries: readonly DeltaEntry[]): DeltaList {
  const shown = SHOWN[kind];
  const fold = entries.length > shown + 1;
  const more = fold ? entries.slice(shown) : [];
  return { kind, title, shown: groupOnce(fold ? entries.slice(0, shown) : entries), more: groupOnce(more), moreLabel: `${more.length} more` };
}

/** A run of items under the same group names it once, on its first item. */
function groupOnce(entries: readonly DeltaEntry[]): DeltaEntry[] {
  return entries.map((entry, index) => (index > 0 && entries[index - 1]?.group === entry.group ? { ...entry, group: '' } : entry));
}

/**
 * A grown item's wording change: kept words as text, new words in <ins>, dropped words in <del>,
 * each announced to screen readers (most read <ins>/<del> as plain text).
 */
export function changesHtml(changes: readonly WordChange[]): TrustedHtml {
  let html = '';
  let previous = '';
  for (const change of changes) {
    // Pieces carry the whitespace after their last word; it goes outside the mark.
    const [, words = '', after = ''] = /^(.*?)(\s*)$/s.exec(change.text) ?? [];
    if (words === '') continue;
    const space = previous !== '' && !/\s$/.test(previous) && !/^[,.;:!?)\]]/.test(words) ? ' ' : '';
    const escaped = escapeHtml(words);
    if (change.kind === 'same') html += space + escaped;
    else if (change.kind === 'added') html += `${space}<ins><span class="sr-only">added: </span>${escaped}</ins>`;
    else html += `${space}<del><span class="sr-only">removed: </span>${escaped}</del>`;
    html += after === '' ? '' : ' ';
    previous = change.text;
  }
  return trusted(html.trimEnd());
}
