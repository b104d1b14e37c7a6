import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import type { LinkTarget } from '../model/types.js';
import { slugFromFileName } from './slugs.js';
import { visitNodes } from './visit-nodes.js';

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
export function resolveLinks(body: Root, file: string, index: LinkIndex, diagnostics: Diagnostics): void {
  visitNodes(body, (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const target = classify(node.url, index);
    if (target === null) return;
    node.data = { ...node.data, target };
    const at = node.position?.start ?? null;
    if (target.kind === 'unsafe') diagnostics.report('unsafe-link', file, at, `Link to "${truncate(node.url)}" was not published (unsafe scheme)`);
    if (target.kind === 'unresolved') diagnostics.report('unresolved-link', file, at, `Link "${truncate(node.url)}" does not point at a level, article or the overview`);
  });
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
