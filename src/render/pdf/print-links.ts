import type { Site } from '../../model/types.js';
import type { LinkHref } from '../html/mdast-to-html.js';

/** A URL on the published site: absolute when `site.url` is known, else relative to the PDF's folder. */
export function siteUrl(site: Site, relative: string): string {
  return site.url ? new URL(relative, site.url).href : relative;
}

/** `vp.html#timeline` — the site page of a document, as the site lays them out (flat, by slug). */
export function pagePath(slug: string, fragment: string | null): string {
  return `${slug}.html${fragment ? `#${fragment}` : ''}`;
}

/**
 * Links in a PDF of one document: its own headings stay inside the PDF; other levels and articles
 * point to their site pages, which a candidate reading a shared PDF can open.
 */
export function standaloneHref(site: Site, selfSlug: string): LinkHref {
  return (target) => {
    if (target.kind !== 'overview' && target.slug === selfSlug) return `#${target.fragment ?? 'top'}`;
    return siteUrl(site, target.kind === 'overview' ? pagePath('index', target.fragment) : pagePath(target.slug, target.fragment));
  };
}

/** The anchor of a document, or of a heading in it, inside the ladder book. */
export function bookAnchor(slug: string, fragment: string | null): string {
  return fragment ? `${slug}--${fragment}` : slug;
}

/** Links in the ladder book: every level, article and the overview are in it, so links stay inside. */
export function bookHref(overviewSlug: string | null, site: Site): LinkHref {
  return (target) => {
    if (target.kind === 'overview') return overviewSlug ? `#${bookAnchor(overviewSlug, target.fragment)}` : siteUrl(site, pagePath('index', target.fragment));
    return `#${bookAnchor(target.slug, target.fragment)}`;
  };
}
