/**
 * The one place where the site decides what is escaped.
 *
 * Every value a template prints goes through `escapeOutput` (LiquidJS's `outputEscape`). Strings are
 * always escaped. Only a `TrustedHtml` passes through unchanged, and only view modules create one,
 * from HTML that is safe by construction: bodies and inline facets from `mdastToHtml` (sanitised),
 * Octicons SVGs from the icon package, and pages we rendered ourselves. Templates therefore never
 * need `| raw`, and a template author cannot unescape content by accident.
 */
export class TrustedHtml {
  constructor(readonly html: string) {}

  /** LiquidJS prints objects through toString when a filter hands one back. */
  toString(): string {
    return this.html;
  }
}

/** Marks HTML produced by our own safe renderers; never call it on text that came from content. */
export function trusted(html: string): TrustedHtml {
  return new TrustedHtml(html);
}

/** An SVG we drew ourselves (its texts escaped as it was made), or null when none was drawn. */
export function ourSvg(svg: string | null): TrustedHtml | null {
  return svg === null ? null : new TrustedHtml(svg);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** LiquidJS `outputEscape`: trusted HTML as is, everything else escaped. */
export function escapeOutput(value: unknown): string {
  if (value instanceof TrustedHtml) return value.html;
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}
