import { createRequire } from 'node:module';
import { escapeHtml, trusted, type TrustedHtml } from './trusted-html.js';

/** The part of @primer/octicons we use (the package ships no types). */
interface Octicon {
  readonly heights: Readonly<Record<string, { readonly width: number; readonly path: string } | undefined>>;
}

/** Icons the site's own chrome uses, besides the levels' icons. */
export const UI_ICONS = ['home', 'git-compare', 'table', 'search', 'sun', 'moon', 'three-bars', 'x', 'download', 'arrow-left', 'arrow-right', 'book', 'link-external', 'light-bulb', 'dot'] as const;

let icons: Readonly<Record<string, Octicon | undefined>> | null = null;

function octicons(): Readonly<Record<string, Octicon | undefined>> {
  icons ??= createRequire(import.meta.url)('@primer/octicons') as Record<string, Octicon | undefined>;
  return icons;
}

/** The Octicon a name shows: itself when it exists, else the fallback (the reader already warned). */
export function iconName(name: string | null, fallback = 'dot'): string {
  return name && octicons()[name]?.heights['16'] ? name : fallback;
}

/**
 * An Octicons icon (the set Retype uses), drawn from the page's sprite with <use>: each page carries
 * each icon's path once, so a 500-level sidebar costs a line per level, not a path per level.
 * Decorative: screen readers skip it, the label next to it carries the meaning.
 */
export function octicon(name: string | null, fallback = 'dot', size = 16): TrustedHtml {
  const resolved = iconName(name, fallback);
  return trusted(
    `<svg class="octicon" width="${size}" height="${size}" aria-hidden="true"><use href="#octicon-${escapeHtml(resolved)}"></use></svg>`,
  );
}

/** The hidden sprite a page's icons point at: one <symbol> per icon, paths from @primer/octicons. */
export function octiconSprite(names: Iterable<string>): TrustedHtml {
  const symbols = [...new Set(names)].sort().map((name) => {
    const icon = octicons()[name]?.heights['16'];
    return icon ? `<symbol id="octicon-${escapeHtml(name)}" viewBox="0 0 ${icon.width} 16">${icon.path}</symbol>` : '';
  });
  return trusted(`<svg class="octicon-sprite" aria-hidden="true" focusable="false">${symbols.join('')}</svg>`);
}
