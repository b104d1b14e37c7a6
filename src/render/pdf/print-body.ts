import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes } from 'mdast';
import { isReadableFileInside } from '../../inside-folder.js';
import type { DocumentBase } from '../../model/types.js';
import { mdastToHast, type LinkHref } from '../html/mdast-to-html.js';

type Target = Parameters<LinkHref>[0];

/**
 * Internal links are first written as markers carrying their target, so one (costly) conversion of a
 * body serves both its own PDF and the book, each resolving the markers its own way.
 */
const MARKER = '#ladderpress-target:';
const markerHref: LinkHref = (target) => MARKER + encodeURIComponent(JSON.stringify(target));

/** A body converted once to safe hast (see `mdastToHast`), with internal links still unresolved. */
export function bodyHast(tree: Nodes): HastRoot {
  return mdastToHast(tree, markerHref);
}

/** Each document's body hast, converted on first use: the level PDF and the book share it. */
export type BodyHasts = (doc: DocumentBase) => HastRoot;

export function bodyHasts(): BodyHasts {
  const cache = new Map<string, HastRoot>();
  return (doc) => {
    let hast = cache.get(doc.slug);
    if (!hast) cache.set(doc.slug, (hast = bodyHast(doc.body)));
    return hast;
  };
}

export interface PrintBodyOptions {
  readonly href: LinkHref;
  /** Prepended to every id (and to footnote links), so documents can share one book. */
  readonly idPrefix: string;
  /** Heading levels to shift down (an article inside the book's appendix sits one level lower). */
  readonly demote: number;
  /** Absolute folder of the source document, for its relative images. */
  readonly sourceDir: string;
  /** Absolute content folder: images outside it are never read. */
  readonly contentDir: string;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml' };

/**
 * A body as print HTML: the site's safe HTML, made self-contained. Local images are inlined as data
 * URLs (so the job's key covers them); remote ones become their alt text, because a PDF build never
 * waits on the network. `hast` is not modified.
 */
export function printBody(hast: HastRoot, options: PrintBodyOptions): string {
  const copy = structuredClone(hast);
  copy.children = copy.children.map((child) => adapt(child, options)) as HastRoot['children'];
  return toHtml(copy);
}

function adapt(node: RootContent, options: PrintBodyOptions): RootContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'img') return image(node, options);
  const props = node.properties;
  if (options.idPrefix && typeof props['id'] === 'string') props['id'] = options.idPrefix + props['id'];
  const href = props['href'];
  if (typeof href === 'string' && href.startsWith(MARKER)) {
    const url = options.href(JSON.parse(decodeURIComponent(href.slice(MARKER.length))) as Target);
    if (url === null) return { type: 'element', tagName: 'span', properties: {}, children: node.children.map((child) => adapt(child, options)) as ElementContent[] };
    props['href'] = url;
  } else if (options.idPrefix && typeof href === 'string' && href.startsWith('#user-content-')) {
    // Footnote links are the only in-document links mdast-to-hast makes itself.
    props['href'] = `#${options.idPrefix}${href.slice(1)}`;
  }
  const role = node.tagName === 'p' ? paragraphRole(node) : null;
  if (role) props['className'] = [role];
  const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
  if (depth && options.demote) node.tagName = `h${Math.min(6, Number(depth) + options.demote)}`;
  node.children = node.children.map((child) => adapt(child, options)) as ElementContent[];
  return node;
}

/**
 * Paragraphs that are wholly bold act as headings ("**Morning**", "**1. Own a Feature**") and
 * should stay with what follows; wholly italic ones are asides ("*Example: …*").
 */
function paragraphRole(node: Element): string | null {
  const children = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type !== 'element') return null;
  if (only.tagName === 'strong') return 'pseudo-heading';
  if (only.tagName === 'em') return 'aside';
  return null;
}

function image(node: Element, options: PrintBodyOptions): Element {
  const src = String(node.properties['src'] ?? '');
  const alt = String(node.properties['alt'] ?? '');
  const inlined = /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') ? null : localImage(src, options);
  if (inlined) return { ...node, properties: { ...node.properties, src: inlined } };
  return { type: 'element', tagName: 'span', properties: { className: ['image-alt'] }, children: [{ type: 'text', value: alt ? `[Image: ${alt}]` : '[Image]' }] };
}

function localImage(src: string, options: PrintBodyOptions): string | null {
  let file: string;
  try {
    file = path.resolve(options.sourceDir, decodeURI(src.split(/[?#]/)[0] ?? ''));
  } catch {
    return null;
  }
  return isReadableFileInside(options.contentDir, file) ? dataUrl(file) : null;
}

/** An image file as a data URL, or null when it is missing or not an image we know. */
export function dataUrl(file: string): string | null {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type) return null;
  try {
    return `data:${type};base64,${readFileSync(file).toString('base64')}`;
  } catch {
    return null;
  }
}
