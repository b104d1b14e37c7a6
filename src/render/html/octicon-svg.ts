import { createRequire } from 'node:module';
import { trusted, type TrustedHtml } from './trusted-html.js';

/** The part of @primer/octicons we use (the package ships no types). */
interface Octicon {
  toSVG(options?: Readonly<Record<string, string | number>>): string;
}

let icons: Readonly<Record<string, Octicon | undefined>> | null = null;
const cache = new Map<string, TrustedHtml>();

/**
 * An Octicons SVG (the icon set Retype uses), decorative: screen readers skip it, the label next to
 * it carries the meaning. Unknown names fall back to `fallback` (the reader already warned).
 */
export function octicon(name: string | null, fallback = 'dot', size = 16): TrustedHtml {
  const key = `${name ?? ''}|${fallback}|${size}`;
  const cached = cache.get(key);
  if (cached) return cached;
  icons ??= createRequire(import.meta.url)('@primer/octicons') as Record<string, Octicon | undefined>;
  const icon = (name ? icons[name] : undefined) ?? icons[fallback];
  const svg = trusted(icon ? icon.toSVG({ 'aria-hidden': 'true', width: size, height: size }) : '');
  cache.set(key, svg);
  return svg;
}
