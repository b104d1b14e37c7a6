import { comparableText } from './comparable-text.js';
import type { VerifyProblem } from './verify-problem.js';

/** At most this many missing texts are named per file; the count says the rest. */
const SHOWN = 3;

/** A source text, or texts of which any one will do (a title from front matter or from `#`). */
export type SourceText = string | readonly string[];

/**
 * Every source text (one per paragraph, heading, table cell, code block) is present, in order of
 * appearance or not, in the text extracted from one output file. `fromPdf` makes allowances for
 * what PDF text extraction cannot give back (see pdfComparable).
 */
export function verifyFidelity(file: string, outputText: string, sourceTexts: readonly SourceText[], fromPdf = false): VerifyProblem[] {
  const reduce = fromPdf ? (text: string): string => pdfComparable(comparableText(text)) : comparableText;
  const haystack = reduce(outputText);
  const found = (text: string): boolean => {
    const needle = reduce(text);
    return needle === '' || haystack.includes(needle) || haystack.includes(reverseRightToLeft(needle));
  };
  const missing = sourceTexts.filter((text) => (typeof text === 'string' ? !found(text) : !text.some(found))).map((text) => (typeof text === 'string' ? text : (text[0] ?? '')));
  if (missing.length === 0) return [];
  const named = missing.slice(0, SHOWN).map((text) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`).join(', ');
  const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '';
  return [{ check: 'fidelity', file, message: `${missing.length} of ${sourceTexts.length} source texts missing: ${named}${more}` }];
}

const RIGHT_TO_LEFT_RUN = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+/g;

/** PDF text keeps Arabic and Hebrew in visual order: each right-to-left run comes back reversed. */
function reverseRightToLeft(text: string): string {
  return text.replace(RIGHT_TO_LEFT_RUN, (run) => [...run].reverse().join(''));
}

/**
 * PDF text comes back in visual order for right-to-left scripts (pdf.js reorders some runs and
 * not others) and emoji flags as private-use glyphs: those characters are left out of both sides.
 * Everything else, CJK and other emoji included, must match.
 */
function pdfComparable(text: string): string {
  return text.replace(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{1f1e6}-\u{1f1ff}\ue000-\uf8ff\u{f0000}-\u{10ffff}]/gu, '');
}
