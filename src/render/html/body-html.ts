import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PhrasingContent, Root } from 'mdast';
import { mdastToHast, type AssetSrc, type LinkHref } from './mdast-to-html.js';
import { trusted, type TrustedHtml } from './trusted-html.js';

export interface BodyOptions {
  /** Id of the `##` heading whose section is set apart as a callout (an article's mentoring question). */
  readonly callout?: string | null;
  /** Where content images are published; without it they keep the URL written in the source. */
  readonly assetSrc?: AssetSrc;
}

/**
 * A document body as site HTML: the safe HTML of `mdastToHast`, then laid out for reading — each `##`
 * section in a <section>, anchor links on headings, wide tables in a scrollable region, and external
 * links marked `rel="noopener"`. Nothing is removed or reordered.
 */
export function bodyHtml(body: Root, href: LinkHref, options: BodyOptions = {}): TrustedHtml {
  const { intro, sections } = bodyParts(body, href, options);
  return trusted((intro?.html ?? '') + sections.html);
}

/** The same, split into the intro (before the first `##`, null when empty) and the sections. */
export function bodyParts(body: Root, href: LinkHref, options: BodyOptions = {}): { intro: TrustedHtml | null; sections: TrustedHtml } {
  const hast = mdastToHast(body, href, options.assetSrc);
  decorate(hast);
  const { intro, sections } = sectionize(hast.children, options.callout ?? null);
  return { intro: intro && trusted(toHtml(intro)), sections: trusted(toHtml({ type: 'root', children: sections })) };
}

/**
 * Inline content (a facet item, a title) as HTML with the same safety as bodies. Rendered inside a
 * paragraph and unwrapped: at the root, mdast-util-to-hast would put line breaks between the
 * pieces, which reads as a stray space before punctuation.
 */
export function inlineHtml(children: readonly PhrasingContent[], href: LinkHref): TrustedHtml {
  const hast = mdastToHast({ type: 'paragraph', children: [...children] }, href) as HastRoot | Element;
  const only = hast.type === 'root' && hast.children.length === 1 ? hast.children[0] : hast;
  return trusted(toHtml(only && only.type === 'element' && only.tagName === 'p' ? only.children : hast));
}

function decorate(node: HastRoot | Element): void {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    decorate(child);
    if (child.tagName === 'a') markExternal(child);
    if (/^h[2-4]$/.test(child.tagName)) addAnchor(child);
    if (child.tagName === 'table') node.children[index] = scrollable(child);
    if (child.tagName === 'td' || child.tagName === 'th') alignByClass(child);
    if (child.tagName === 'tr') emptyCornerAsData(child);
  });
}

/**
 * An empty corner cell heads nothing: as <th> screen readers announce a blank header (axe
 * empty-table-header). It becomes a <td>, and the row's other headers say they head columns.
 */
function emptyCornerAsData(row: Element): void {
  const cells = row.children.filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th');
  const empty = cells.filter((cell) => cell.children.every((child) => child.type === 'text' && child.value.trim() === ''));
  if (empty.length === 0 || empty.length === cells.length) return;
  for (const cell of cells) {
    if (empty.includes(cell)) cell.tagName = 'td';
    else cell.properties['scope'] = 'col';
  }
}

/** GFM column alignment as a class: the `align` attribute is obsolete and inline styles break a strict CSP. */
function alignByClass(cell: Element): void {
  const align = cell.properties['align'];
  if (typeof align !== 'string') return;
  delete cell.properties['align'];
  cell.properties['className'] = [`align-${align}`];
}

function markExternal(link: Element): void {
  const url = link.properties['href'];
  if (typeof url === 'string' && /^(https?:)?\/\//i.test(url)) {
    link.properties['rel'] = ['noopener'];
    link.properties['className'] = ['external'];
  }
}

function addAnchor(heading: Element): void {
  const id = heading.properties['id'];
  if (typeof id !== 'string' || id === 'footnote-label') return;
  heading.children.push({
    type: 'element',
    tagName: 'a',
    properties: { className: ['anchor'], href: `#${id}` },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: 'Link to this section' }] },
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    ],
  });
}

/** Wide tables scroll inside a focusable, labelled region (keyboard users can scroll it too): a named <section>. */
function scrollable(table: Element): Element {
  const label = headerText(table);
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: label ? `Table: ${label}` : 'Table' },
    children: [table],
  };
}

function headerText(table: Element): string {
  const row = findElement(table, 'tr');
  if (!row) return '';
  return row.children
    .filter((cell): cell is Element => cell.type === 'element')
    .map((cell) => textOf(cell).trim())
    .filter(Boolean)
    .join(', ');
}

function findElement(node: Element, tagName: string): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return null;
}

/** The text of a hast node (what a reader sees, for labels and tests). */
export function textOf(node: RootContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child)).join('');
  return '';
}

/** Each `##` heading opens a <section> that runs to the next one; what comes before is the intro. */
function sectionize(children: readonly RootContent[], callout: string | null): { intro: Element | null; sections: RootContent[] } {
  const out: RootContent[] = [];
  let current: Element | null = null;
  const intro: Element = { type: 'element', tagName: 'div', properties: { className: ['intro'] }, children: [] };
  // A section named by its heading is a landmark; two landmarks may not share a name, so a heading
  // written twice leaves its sections unnamed (plain sections, still headed).
  const headingTexts = children.filter((child): child is Element => child.type === 'element' && child.tagName === 'h2').map((h2) => textOf(h2));
  const unique = (text: string): boolean => headingTexts.indexOf(text) === headingTexts.lastIndexOf(text);
  for (const child of children) {
    if (child.type === 'element' && child.tagName === 'h2' && typeof child.properties['id'] === 'string') {
      const id = child.properties['id'];
      current = {
        type: 'element',
        tagName: 'section',
        properties: { className: id === callout ? ['doc-section', 'callout'] : ['doc-section'], ...(unique(textOf(child)) ? { ariaLabelledBy: [id] } : {}) },
        children: [],
      };
      out.push(current);
    }
    const target: Element = current ?? intro;
    if (child.type !== 'doctype') target.children.push(child);
  }
  const hasIntro = intro.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
  return { intro: hasIntro ? intro : null, sections: out };
}
