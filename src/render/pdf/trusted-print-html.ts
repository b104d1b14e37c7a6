/**
 * The one place where the print templates decide what is escaped (the same rule as the site's
 * `render/html/trusted-html.ts`, kept separate until both renderers share one module): strings are
 * always escaped; only a `TrustedPrintHtml`, made by view modules from HTML that is safe by
 * construction (sanitised bodies from `mdastToHtml`, markup we built), passes through.
 */
export class TrustedPrintHtml {
  constructor(readonly html: string) {}

  toString(): string {
    return this.html;
  }
}

/** Marks HTML produced by our own safe renderers; never call it on text that came from content. */
export function trustedHtml(html: string): TrustedPrintHtml {
  return new TrustedPrintHtml(html);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** LiquidJS `outputEscape`: trusted HTML as is, everything else escaped. */
export function escapePrintOutput(value: unknown): string {
  if (value instanceof TrustedPrintHtml) return value.html;
  return escapeHtml(value === null || value === undefined ? '' : String(value));
}
