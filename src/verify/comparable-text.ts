/**
 * Text reduced to what every format keeps: PDF extraction loses spaces and line breaks and may
 * split words at hyphens, Word may use typographic quotes, ligatures come back as one glyph. What
 * is left are the letters, digits and punctuation a reader sees, in order.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff\-\u2010\u2011]+/g, '');
}
