import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Image, Link, LinkReference, Nodes, Parents } from 'mdast';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import type { LinkTarget, PageTarget } from '../../model/types.js';
import { typesetQuotes } from '../typeset.js';
import { keepRangesTogether } from './keep-ranges-together.js';

/** Where an internal link points in this output (a relative URL), or null to show its text only. */
export type LinkHref = (target: PageTarget) => string | null;

/**
 * Our heading ids are slugs we generated, so they are kept as they are (no "user-content-" prefix);
 * everything else follows GitHub's sanitising rules: no scripts, no event handlers, no `javascript:`.
 */
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id'] },
};

/**
 * mdast → safe HTML. Raw HTML in the Markdown is parsed and sanitised; internal links get the URL
 * `href` gives them; unresolved and unsafe links become plain text.
 */
export function mdastToHtml(tree: Nodes, href: LinkHref, assetSrc?: AssetSrc): string {
  return toHtml(mdastToHast(tree, href, assetSrc));
}

/** Where a content image (a path relative to the content folder) is published, or null for its alt text. */
export type AssetSrc = (path: string) => string | null;

/** The same, as a hast tree, for renderers that post-process (tables of contents, print layout). */
export function mdastToHast(tree: Nodes, href: LinkHref, assetSrc?: AssetSrc): HastRoot {
  const hast = toHast(typesetQuotes(tree), { allowDangerousHtml: true, handlers: linkHandlers(href, assetSrc) });
  // Re-parsing through parse5 is the slow step: only documents with raw HTML need it.
  if (!hasRaw(hast)) return keepRangesTogether(sanitize(hast, schema) as HastRoot);
  const safe = sanitize(raw(hast) as HastNodes, schema) as HastRoot;
  tidyRawElements(safe, false);
  return keepRangesTogether(safe);
}

/**
 * What the sanitiser lets through from raw HTML can still fail accessibility: an image without
 * `alt` gets an empty one (decorative), and a form field is dropped unless it is a task-list
 * checkbox (disabled, in a task-list item).
 */
function tidyRawElements(node: HastRoot | Element, inTaskItem: boolean): void {
  node.children = node.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (child.tagName === 'input') return inTaskItem && child.properties['type'] === 'checkbox' && child.properties['disabled'] === true;
    if (child.tagName === 'img' && child.properties['alt'] === undefined) child.properties['alt'] = '';
    const taskItem = child.tagName === 'li' && String(child.properties['className'] ?? '').includes('task-list-item');
    tidyRawElements(child, taskItem || (inTaskItem && child.tagName === 'p'));
    return true;
  });
}

function hasRaw(node: HastNodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child));
}

/**
 * Without `assetSrc`, a content image keeps its URL as written (the print renderer resolves it
 * against the source file itself).
 */
function linkHandlers(href: LinkHref, assetSrc: AssetSrc | undefined): Partial<Handlers> {
  const resolve = (target: LinkTarget | undefined): string | null | undefined => {
    if (!target) return undefined;
    if (target.kind === 'asset') return assetSrc ? assetSrc(target.path) : undefined;
    return target.kind === 'unresolved' || target.kind === 'unsafe' ? null : href(target);
  };
  return {
    link(state: State, node: Link) {
      const url = resolve(node.data?.target);
      if (url === undefined) return defaultHandlers.link(state, node);
      return url === null ? span(state, node) : anchor(state, node, url, node.title ?? null);
    },
    linkReference(state: State, node: LinkReference) {
      const definition = state.definitionById.get(node.identifier.toUpperCase());
      const url = resolve(definition?.data?.target);
      if (url === undefined) return defaultHandlers.linkReference(state, node);
      return url === null ? span(state, node) : anchor(state, node, url, definition?.title ?? null);
    },
    image(state: State, node: Image) {
      const src = resolve(node.data?.target);
      // An image that is not published still says there was one, and what it showed.
      if (src === null) return { type: 'element', tagName: 'span', properties: { className: ['image-alt'] }, children: [{ type: 'text', value: node.alt ? `[Image: ${node.alt}]` : '[Image]' }] };
      return defaultHandlers.image(state, src === undefined ? node : { ...node, url: src });
    },
  };
}

function anchor(state: State, node: Link | LinkReference, url: string, title: string | null): Element {
  const element: Element = { type: 'element', tagName: 'a', properties: { href: url, ...(title ? { title } : {}) }, children: state.all(node as Parents) as ElementContent[] };
  state.patch(node, element);
  return state.applyData(node, element);
}

function span(state: State, node: Link | LinkReference): Element {
  const element: Element = { type: 'element', tagName: 'span', properties: {}, children: state.all(node as Parents) as ElementContent[] };
  state.patch(node, element);
  return element;
}
