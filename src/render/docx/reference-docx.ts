import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Diagnostics } from '../../diagnostics.js';

/** What a reference document lends ours, like Pandoc's --reference-doc: its styles and theme. */
export interface ReferenceParts {
  readonly styles: string;
  readonly theme: string | null;
  /** Hash of the file's bytes, for cache keys. */
  readonly hash: string;
}

/** Reads the reference .docx; a missing or broken one is a warning and our styles are used. */
export function readReferenceDocx(file: string | null, diagnostics: Diagnostics): ReferenceParts | null {
  if (file === null) return null;
  try {
    const bytes = readFileSync(file);
    const parts = unzipSync(new Uint8Array(bytes), { filter: (entry) => entry.name === 'word/styles.xml' || entry.name === 'word/theme/theme1.xml' });
    const styles = parts['word/styles.xml'];
    if (!styles) throw new Error('it has no word/styles.xml');
    const theme = parts['word/theme/theme1.xml'];
    return { styles: strFromU8(styles), theme: theme ? strFromU8(theme) : null, hash: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.report('reference-docx', file, null, `Reference document could not be used (${reason}); the default styles were used`);
    return null;
  }
}

const STYLE_ELEMENT = /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g;

/**
 * The reference's styles win; styles it lacks (List Continue, Source Code, our table style…) are
 * added from ours, so every paragraph still has its style. Numbering stays ours.
 */
export function mergeStyles(reference: string, ours: string): string {
  const present = new Set([...reference.matchAll(STYLE_ELEMENT)].map((match) => match[1]));
  const missing = [...ours.matchAll(STYLE_ELEMENT)].filter((match) => !present.has(match[1])).map((match) => match[0]);
  if (missing.length === 0) return reference;
  const end = reference.lastIndexOf('</w:styles>');
  if (end < 0) return ours;
  return reference.slice(0, end) + missing.join('') + reference.slice(end);
}
