import type { AssetSrc, LinkHref } from './mdast-to-html.js';

/**
 * The site's URL scheme, which other renderers link to. Paths are relative to the output folder;
 * pages link to each other with relative URLs so the site works under any sub-path and from file://.
 */
export const sitePaths = {
  home: 'index.html',
  level: (slug: string): string => `${slug}.html`,
  article: (slug: string): string => `articles/${slug}.html`,
  comparePicker: 'compare.html',
  compare: (a: string, b: string): string => `compare/${a}-vs-${b}.html`,
  matrix: 'matrix.html',
  /** A level's self-assessment, whose answers live in the URL fragment. */
  assess: (slug: string): string => `assess/${slug}.html`,
  notFound: '404.html',
  sitemap: 'sitemap.xml',
  asset: (name: string): string => `assets/${name}`,
  /** A content image, by its path in the content folder (each segment URL-encoded). */
  contentAsset: (file: string): string => `assets/content/${file.split('/').map(encodeURIComponent).join('/')}`,
} as const;

/** Turns site paths into URLs relative to one page. */
export interface PageUrls {
  /** The page's own path, e.g. "articles/x.html". */
  readonly path: string;
  /** "" at the root, "../" one folder down. */
  readonly root: string;
  /** A site path as a URL relative to this page. */
  to(sitePath: string): string;
  /** Where an internal Markdown link points, as seen from this page. */
  readonly href: LinkHref;
  /** Where a content image is published, as seen from this page. */
  readonly contentAsset: AssetSrc;
}

/**
 * URLs as seen from the page at `pagePath`: relative, or from `absoluteRoot` for a page a host serves
 * at any address (404.html).
 */
export function pageUrls(pagePath: string, absoluteRoot: string | null = null): PageUrls {
  const depth = pagePath.split('/').length - 1;
  const root = absoluteRoot ?? '../'.repeat(depth);
  const to = (sitePath: string): string => {
    const [file = '', fragment] = sitePath.split('#', 2);
    // Explicit file names, never "./": from file:// a folder URL opens a directory listing.
    if (file === pagePath) return fragment === undefined ? lastSegment(file) : `#${fragment}`;
    return root + sitePath;
  };
  const href: LinkHref = (target) => {
    const fragment = target.fragment ? `#${target.fragment}` : '';
    switch (target.kind) {
      case 'level':
        return to(sitePaths.level(target.slug) + fragment);
      case 'article':
        return to(sitePaths.article(target.slug) + fragment);
      case 'overview':
        return to(sitePaths.home + fragment);
    }
  };
  return { path: pagePath, root, to, href, contentAsset: (file) => to(sitePaths.contentAsset(file)) };
}

function lastSegment(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** An absolute URL for canonical links and the sitemap, or null when the site URL is unknown. */
export function absoluteUrl(siteUrl: string | null, sitePath: string): string | null {
  if (!siteUrl) return null;
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return base + (sitePath === sitePaths.home ? '' : sitePath);
}
