import path from 'node:path';
import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import { isReadableFileInside, leavesFolder } from '../inside-folder.js';
import type { LinkTarget } from '../model/types.js';
import { slugFromFileName } from './slugs.js';
import { visitNodes } from './visit-nodes.js';
import { truncate } from './truncate.js';
import { safeDecode } from '../safe-decode.js';

const SAFE_SCHEMES = /^(https?|mailto|tel):/i;

export interface LinkIndex {
  readonly levels: ReadonlySet<string>;
  readonly articles: ReadonlySet<string>;
  readonly hasOverview: boolean;
}

declare module 'mdast' {
  interface Data {
    /** Where an internal or unsafe link points; external links have none. */
    target?: LinkTarget;
  }
}

/**
 * Resolves the links (and link definitions, and images) of a body: Retype site paths such as
 * `/career-ladder/vp` and relative file links become `data.target`; unsafe schemes are marked.
 */
export function resolveLinks(body: Root, file: string, index: LinkIndex, diagnostics: Diagnostics, source: ImageSource): void {
  visitNodes(body, (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const target = node.type === 'image' ? classifyImage(node.url, source) : classify(node.url, index);
    if (target === null) return;
    node.data = { ...node.data, target };
    const at = node.position?.start ?? null;
    if (target.kind === 'unsafe') diagnostics.report('unsafe-link', file, at, `${node.type === 'image' ? 'Image' : 'Link'} "${truncate(node.url)}" was not published (unsafe scheme, or outside the content folder, links followed)`);
    if (target.kind === 'unresolved' && node.type === 'image') diagnostics.report('missing-image', file, at, `Image "${truncate(node.url)}" was not found or cannot be read; its alt text is shown`);
    else if (target.kind === 'unresolved') diagnostics.report('unresolved-link', file, at, `Link "${truncate(node.url)}" does not point at a level, article or the overview`);
  });
}

/** Where a document's local images are looked up: its own folder, and `/…` from the content folder. */
export interface ImageSource {
  readonly contentDir: string;
  /** The document's path relative to the content folder. */
  readonly file: string;
}

/**
 * Remote images stay as they are (null); a local image becomes an asset when it is a file inside the
 * content folder, unresolved when it is missing or unreadable, and unsafe when its path, or a link on
 * it, leaves the folder.
 */
export function classifyImage(url: string, source: ImageSource): LinkTarget | null {
  const compact = url.replace(/[\s\u0000-\u001f]/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact)) return /^https?:/i.test(compact) ? null : { kind: 'unsafe' };
  if (compact.startsWith('//')) return null;
  const local = safeDecode(compact.split(/[?#]/)[0] ?? '');
  if (local === '') return { kind: 'unresolved' };
  const root = path.resolve(source.contentDir);
  const absolute = local.startsWith('/') ? path.join(root, local) : path.resolve(root, path.dirname(source.file), local);
  const inside = path.relative(root, absolute);
  // The path may stay inside while a link on it leads out (images/logo.png → /etc/passwd): never published.
  if (inside.startsWith('..') || path.isAbsolute(inside) || leavesFolder(root, absolute)) return { kind: 'unsafe' };
  return isReadableFileInside(root, absolute) ? { kind: 'asset', path: inside.split(path.sep).join('/') } : { kind: 'unresolved' };
}

/** null for external and same-page links, which need no resolving. */
export function classify(url: string, index: LinkIndex): LinkTarget | null {
  const compact = url.replace(/[\s\u0000-\u001f]/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact)) return SAFE_SCHEMES.test(compact) ? null : { kind: 'unsafe' };
  if (compact.startsWith('//') || compact.startsWith('#') || compact === '') return null;
  const [pathAndQuery = '', fragmentText] = compact.split('#', 2);
  const fragment = fragmentText ? fragmentText : null;
  const segments = (pathAndQuery.split('?')[0] ?? '').split('/').filter((segment) => segment !== '' && segment !== '.');
  const last = segments.at(-1);
  if (!last) return index.hasOverview ? { kind: 'overview', fragment } : { kind: 'unresolved' };
  const slug = slugFromFileName(safeDecode(last).replace(/\.(md|markdown|html?)$/i, '.x'));
  if (index.levels.has(slug)) return { kind: 'level', slug, fragment };
  if (index.articles.has(slug)) return { kind: 'article', slug, fragment };
  if ((slug === 'index' || slug === 'readme') && index.hasOverview) return { kind: 'overview', fragment };
  return { kind: 'unresolved' };
}
