/**
 * Characters XML 1.0 (and Word) cannot hold, plus C1 controls Word shows as boxes: C0 controls
 * other than tab/newline, DEL…U+009F, U+FFFE/U+FFFF and unpaired surrogates. The reader already
 * strips them from files; text can still come from config or front matter, so every run is checked.
 */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu; // with /u, only unpaired halves match
const INVALID_TEST = new RegExp(INVALID.source, 'u');

/** The text without characters Word cannot store; `onStripped` hears about each string that had some. */
export function cleanText(value: string, onStripped?: () => void): string {
  if (!INVALID_TEST.test(value)) return value;
  onStripped?.();
  return value.replace(INVALID, '');
}
