import { classicTrailer, readXref } from './fix-pdf-metadata.js';

/**
 * Reads the PDFs Chromium (Skia) prints, as fix-pdf-metadata.ts and destination-pages.ts do: a
 * classic cross-reference table and plain numbered objects, no object streams. Each object is found
 * by its offset and its value scanned with strings skipped, so a heading that reads "3 0 R" is
 * never taken for a reference.
 */
export class ChromiumPdf {
  /** The file as a string of its bytes (latin1), for reading dictionaries; stream data is sliced from `bytes`. */
  readonly text: string;
  readonly root: number;
  readonly info: number | null;
  /** Object number → where it is, in file order. */
  readonly objects: ReadonlyMap<number, PdfObjectSpan>;

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const text = this.text;
    const trailer = classicTrailer(text);
    if (trailer === null || text.includes('/ObjStm')) throw layoutError('no classic cross-reference table');
    const { startxref } = trailer;
    this.root = trailer.root;
    this.info = trailer.info;
    const starts = readXref(text, startxref, trailer.size).flatMap((offset, number): [number, number][] => (offset > 0 ? [[number, offset]] : []));
    starts.sort((a, b) => a[1] - b[1]);
    const objects = new Map<number, PdfObjectSpan>();
    starts.forEach(([number, start], index) => {
      const end = starts[index + 1]?.[1] ?? startxref;
      const header = /^\d+ \d+ obj\s*/.exec(text.slice(start, start + 32));
      if (!header) throw layoutError(`object ${number} is not where the table says`);
      const valueStart = start + header[0].length;
      const valueEnd = skipValue(text, valueStart);
      const stream = /^\s*stream\r?\n/.exec(text.slice(valueEnd, valueEnd + 16));
      const dataStart = stream ? valueEnd + stream[0].length : null;
      const dataEnd = dataStart === null ? null : text.lastIndexOf('endstream', end);
      objects.set(number, { valueStart, valueEnd, dataStart, dataEnd: dataEnd !== null && dataEnd > (dataStart ?? 0) ? dataEnd : null });
    });
    this.objects = objects;
  }

  /** An object's value (a dictionary, array, number…) as text, its stream data left out. */
  value(number: number): string {
    const span = this.objects.get(number);
    if (!span) throw layoutError(`object ${number} is missing`);
    return this.text.slice(span.valueStart, span.valueEnd);
  }

  /** The stream data of an object, with the line break before `endstream`, or null for an object without a stream. */
  stream(number: number): Uint8Array | null {
    const span = this.objects.get(number);
    if (span?.dataStart == null || span.dataEnd === null) return null;
    return this.bytes.subarray(span.dataStart, span.dataEnd);
  }
}

export interface PdfObjectSpan {
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly dataStart: number | null;
  readonly dataEnd: number | null;
}

/** The first reference a key names in a dictionary's text: `/Pages 18 0 R` → 18. */
export function refOf(dictionary: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(outsideStrings(dictionary))?.[1];
  return found === undefined ? null : Number(found);
}

/** The references in a text, in order (strings skipped). */
export function refsIn(text: string): number[] {
  return Array.from(outsideStrings(text).matchAll(/(\d+)\s+0\s+R\b/g), (match) => Number(match[1]));
}

/** Rewrites every reference outside strings: `rename(n)` is the new object number. */
export function renumber(text: string, rename: (number: number) => number): string {
  return mapStrings(text, (outside) => outside.replace(/(\d+)(\s+)0(\s+)R\b/g, (_, n: string, a: string, b: string) => `${rename(Number(n))}${a}0${b}R`), (string) => string);
}

/** The text with its strings blanked (same length), for searching keys and references. */
function outsideStrings(text: string): string {
  return mapStrings(text, (outside) => outside, (string) => ' '.repeat(string.length));
}

/** The text with `outside` applied to each run between strings and `inside` to each string. */
function mapStrings(text: string, outside: (run: string) => string, inside: (string: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of stringSpans(text)) {
    out += outside(text.slice(at, start)) + inside(text.slice(start, end));
    at = end;
  }
  return out + outside(text.slice(at));
}

/** [start, end) of each literal `(…)` and hex `<…>` string in a text. */
function stringSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const opening = /\(|<(?!<)|<</g;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    if (match[0] === '<<') continue;
    const start = match.index;
    const end = match[0] === '(' ? literalEnd(text, start) : text.indexOf('>', start) + 1 || text.length;
    spans.push([start, end]);
    opening.lastIndex = end;
  }
  return spans;
}

/** The end of the literal string opening at `at`: balanced parentheses, backslash escapes. */
function literalEnd(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    const c = text[index];
    if (c === '\\') index += 1;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return index + 1;
  }
  return text.length;
}

/** The end of the value starting at `at` (a dictionary, an array, a string or a plain token). */
function skipValue(text: string, at: number): number {
  // A plain value (a number, `null`) ends at white space.
  const first = text[at];
  if (first !== '<' && first !== '[' && first !== '(') {
    const plain = /\S*/y;
    plain.lastIndex = at;
    plain.exec(text);
    return plain.lastIndex;
  }
  let depth = 0;
  const token = /\(|<<|>>|<|\[|\]/g;
  token.lastIndex = at;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    const found = match[0];
    if (found === '(') token.lastIndex = literalEnd(text, match.index);
    else if (found === '<') token.lastIndex = text.indexOf('>', match.index) + 1 || text.length;
    else depth += found === '<<' || found === '[' ? 1 : -1;
    if (depth === 0) return token.lastIndex;
  }
  return text.length;
}

function layoutError(what: string): Error {
  return new Error(`unexpected PDF layout from Chromium (${what}); cannot join the book's parts`);
}
