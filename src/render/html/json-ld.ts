import { trusted, type TrustedHtml } from './trusted-html.js';

/** Characters that could end the script element or a line in old parsers, as JSON escapes. */
const UNSAFE: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * The formats' facts about a page as one JSON-LD block for `<script type="application/ld+json">`,
 * or null when there are none. Still valid JSON, but `</script>` or `<!--` in the content cannot
 * close the element: `<`, `>` and `&` are written as \u escapes, which JSON parsers read back as is.
 */
export function jsonLd(items: readonly object[]): TrustedHtml | null {
  if (items.length === 0) return null;
  const value = items.length === 1 ? items[0] : { '@context': 'https://schema.org', '@graph': items };
  return trusted(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c));
}
