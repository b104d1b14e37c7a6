import type { Site } from '../../model/types.js';
import type { LinkHref } from '../html/mdast-to-html.js';
import { sitePaths } from '../html/site-urls.js';

/** A URL on the published site: absolute when `site.url` is known, else relative to the PDF's folder. */
export function siteUrl(site: Site, relative: string): string {
  return site.url ? new URL(relative, site.url).href : relative;
}

/** `vp.html#timeline` — a site page (the site's own URL scheme) with an optional fragment. */
export function pagePath(sitePath: string, fragment: string | null): string {
  return `${sitePath}${fragment ? `#${fragment}` : ''}`;
}

function sitePathOf(target: Parameters<LinkHref>[0]): string {
  if (target.kind === 'overview') return sitePaths.home;
  return target.kind === 'level' ? sitePaths.level(target.slug) : sitePaths.article(target.slug);
}

/**
 * Links in a PDF of one document: its own headings stay inside the PDF; other levels and articles
 * point to their site pages, which a candidate reading a shared PDF can open.
 */
export function standaloneHref(site: Site, selfSlug: string): LinkHref {
  return (target) => {
    if (target.kind !== 'overview' && target.slug === selfSlug) return `#${target.fragment ?? 'top'}`;
    return siteUrl(site, pagePath(sitePathOf(target), target.fragment));
  };
}

/** The anchor of a document, or of a heading in it, inside the ladder book. */
export function bookAnchor(slug: string, fragment: string | null): string {
  return fragment ? `${slug}--${fragment}` : slug;
}

/** Links in the ladder book: every level, article and the overview are in it, so links stay inside. */
export function bookHref(overviewSlug: string | null, site: Site): LinkHref {
  return (target) => {
    if (target.kind === 'overview') return overviewSlug ? `#${bookAnchor(overviewSlug, target.fragment)}` : siteUrl(site, pagePath(sitePaths.home, target.fragment));
    return `#${bookAnchor(target.slug, target.fragment)}`;
  };
}
