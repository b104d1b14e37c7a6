import type { Ladder } from '../../model/types.js';
import type { RenderContext } from '../render-context.js';
import { octicon } from './octicon-svg.js';
import { absoluteUrl, sitePaths, type PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

/** Which page of the site this is, so the navigation can mark it. */
export type CurrentPage =
  | { readonly kind: 'home' | 'compare' | 'matrix' | 'not-found' | 'assess' }
  | { readonly kind: 'level' | 'article'; readonly slug: string };

/** What a page tells the layout about itself. */
export interface PageHead {
  readonly title: string;
  readonly description: string;
  readonly type: 'website' | 'article';
  readonly current: CurrentPage;
  /** schema.org JSON-LD for the page's head, already made safe for a script element. */
  readonly structuredData?: TrustedHtml | null;
}

/** The HTML the layout wraps: the page's own content, the sidebar and the icon sprite. */
export interface LayoutParts {
  readonly content: TrustedHtml;
  readonly sidebar: TrustedHtml;
  readonly sprite: TrustedHtml;
}

/** Everything layout.liquid fills in: head tags, header, sidebar, footer. */
export function layoutView(ladder: Ladder, context: RenderContext, urls: PageUrls, head: PageHead, parts: LayoutParts): object {
  const { content, sidebar, sprite } = parts;
  const { site } = ladder;
  const current = head.current;
  const canonical = absoluteUrl(site.url, urls.path);
  const isHome = current.kind === 'home';
  return {
    lang: site.language,
    site: { title: site.title, description: site.description, homeUrl: urls.to(sitePaths.home), logo: logoUrl(ladder, urls) },
    page: {
      // Search engines cut titles near 70 characters: keep the page's own name whole.
      title: isHome ? site.title : `${head.title} · ${site.title}`.length > 70 ? head.title : `${head.title} · ${site.title}`,
      heading: head.title,
      description: head.description,
      type: head.type,
      structuredData: head.structuredData ?? null,
      canonical,
    },
    assets: {
      css: urls.to(sitePaths.asset('site.css')),
      themeCss: urls.to(sitePaths.asset('theme.css')),
      themeJs: urls.to(sitePaths.asset('theme.js')),
      siteJs: urls.to(sitePaths.asset('site.js')),
      favicon: urls.to(sitePaths.asset(FAVICON)),
    },
    sidebar,
    sprite,
    icons: { search: octicon('search'), sun: octicon('sun'), moon: octicon('moon'), menu: octicon('three-bars'), close: octicon('x') },
    // The author defaults to the title: "Ladder · Ladder" says nothing twice.
    footer: { author: site.author === site.title ? null : site.author, generator: `ladderpress ${context.toolVersion}` },
    liveReload: context.liveReload,
    content,
  };
}

function logoUrl(ladder: Ladder, urls: PageUrls): string | null {
  const logo = ladder.site.theme.logo;
  return logo ? urls.to(sitePaths.asset(logoFileName(logo))) : null;
}

/** The tab icon, drawn from the theme's colours by site-assets.ts. */
export const FAVICON = 'favicon.svg';

/** The logo's name in assets/: always "logo" plus the source's extension. */
export function logoFileName(logo: string): string {
  const extension = /\.[a-z0-9]+$/i.exec(logo)?.[0].toLowerCase() ?? '';
  return `logo${extension}`;
}

/** A meta description or card summary: up to ~160 characters of a text, cut after a sentence (else at a word). */
export function describe(text: string, fallback: string): string {
  const clean = text.replace(/\s+/g, ' ').trim() || fallback;
  if (clean.length <= 160) return clean;
  // Whole sentences when they leave enough to say something; a cut mid-sentence reads as a claim left hanging.
  const sentences = /^(.*[.!?]["'”’)]?)\s/.exec(clean.slice(0, 161))?.[1];
  if (sentences && sentences.length >= 60) return sentences;
  const cut = clean.slice(0, 157);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}
