import type { Level } from '../model/types.js';
import { comparableText } from './comparable-text.js';
import type { PdfFacts } from './read-pdf.js';
import type { VerifyProblem } from './verify-problem.js';

/** A level's handout: its bookmarks list every heading of the level, in the author's order. */
export function verifyLevelOutline(file: string, pdf: PdfFacts, level: Level): VerifyProblem[] {
  const outline = pdf.outline.map(comparableText);
  let next = 0;
  for (const heading of level.headings) {
    const wanted = comparableText(heading.text);
    const found = outline.indexOf(wanted, next);
    if (found === -1) {
      const anywhere = outline.includes(wanted);
      return [{ check: 'pdf-outline', file, message: anywhere ? `Outline has "${heading.text}" out of order` : `Outline lacks heading "${heading.text}" (${pdf.outline.length} bookmarks)` }];
    }
    next = found + 1;
  }
  return [];
}

/** The one-page profile must be one page: recruiters print it. */
export function verifyProfilePages(file: string, pdf: PdfFacts): VerifyProblem[] {
  return pdf.pages === 1 ? [] : [{ check: 'pdf-profile-pages', file, message: `Profile has ${pdf.pages} pages, not 1` }];
}
