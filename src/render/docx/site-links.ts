import type { PageTarget, Site } from '../../model/types.js';
import type { DocxLink } from './docx-state.js';

/**
 * The site page a link in a Word document opens: relative to the .docx (which is published next to
 * the pages), or absolute when the site's URL is known, so a downloaded copy still links home.
 * Mirrors the site's URL scheme (render/html/site-urls.ts: "<slug>.html", "articles/<slug>.html").
 */
export function siteLink(site: Site, target: PageTarget): DocxLink {
  const base = site.url ? (site.url.endsWith('/') ? site.url : `${site.url}/`) : '';
  const fragment = target.fragment ? `#${encodeURIComponent(target.fragment)}` : '';
  const page = target.kind === 'level' ? `${target.slug}.html` : target.kind === 'article' ? `articles/${target.slug}.html` : base ? '' : 'index.html';
  return { kind: 'external', url: base + page + fragment };
}

/** A link to a bookmark of the document, when there is one. */
export function internalLink(anchor: string | null): DocxLink | null {
  return anchor ? { kind: 'internal', anchor } : null;
}
