import { comparableText } from './comparable-text.js';
import type { VerifyProblem } from './verify-problem.js';

/** At most this many missing texts are named per file; the count says the rest. */
const SHOWN = 3;

/**
 * Every source text (one per paragraph, heading, table cell, code block) is present, in order of
 * appearance or not, in the text extracted from one output file.
 */
export function verifyFidelity(file: string, outputText: string, sourceTexts: readonly string[]): VerifyProblem[] {
  const haystack = comparableText(outputText);
  const missing = sourceTexts.filter((text) => {
    const needle = comparableText(text);
    return needle !== '' && !haystack.includes(needle) && !haystack.includes(reverseRightToLeft(needle));
  });
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
