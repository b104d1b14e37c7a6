import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReferenceParts } from './reference-docx.js';
import { mergeStyles } from './reference-docx.js';

/**
 * The document as .docx bytes that depend only on its content: the docx package writes the clock
 * into core.xml, random hyperlink relationship ids and process-wide bookmark counters, and zips with
 * the current time; all of these are normalised here, and parts are stored in a fixed order.
 */
export interface PackOptions {
  /** The site's date (ISO 8601): core properties and zip entry times. */
  readonly date: string;
  readonly reference: ReferenceParts | null;
  /** fontTable.xml entries describing the theme's fonts, for substitution. */
  readonly fonts: string;
  /** Style elements to add to styles.xml (the table style). */
  readonly extraStyles: string;
}

/**
 * A package's parts by name: text, bytes, or text in pieces to be joined in order. The book joined
 * from chapters keeps its document.xml in pieces (see assemble-book.ts): at 500 levels it is 24 MB,
 * and each pass over it as one string left another copy of it for the collector.
 */
export type Parts = Map<string, string | string[] | Uint8Array>;

export async function packDocx(document: Document, options: PackOptions): Promise<Uint8Array> {
  return packParts(await compileParts(document), options);
}

/** Parts made by the compiler (or assembled from several compilations, see assemble-book.ts) → the .docx bytes. */
export function packParts(text: Parts, { date, reference, fonts, extraStyles }: PackOptions): Uint8Array {

  const textOf = (name: string): string | undefined => {
    const data = text.get(name);
    return typeof data === 'string' ? data : undefined;
  };
  for (const [name, xml] of text) {
    if (xml instanceof Uint8Array || !name.startsWith('word/') || !name.endsWith('.xml') || name.includes('/_rels/')) continue;
    const slash = name.lastIndexOf('/');
    const relsName = `${name.slice(0, slash)}/_rels/${name.slice(slash + 1)}.rels`;
    const rels = textOf(relsName);
    const renamed = rels === undefined ? { rels, ids: new Map<string, string>() } : renameRelationships(rels);
    if (renamed.rels !== undefined) text.set(relsName, renamed.rels);
    if (typeof xml === 'string') {
      const pieces = [xml];
      normaliseIds(pieces, renamed.ids);
      text.set(name, pieces[0] ?? '');
    } else normaliseIds(xml, renamed.ids);
  }
  const core = textOf('docProps/core.xml');
  if (core !== undefined) text.set('docProps/core.xml', fixDates(core, date));
  const fontTable = textOf('word/fontTable.xml');
  if (fontTable !== undefined && fonts) text.set('word/fontTable.xml', addFonts(fontTable, fonts));
  const styles = textOf('word/styles.xml');
  if (styles !== undefined) {
    const ours = styles.replace('</w:styles>', `${extraStyles}</w:styles>`);
    text.set('word/styles.xml', reference ? mergeStyles(reference.styles, ours) : ours);
  }
  if (reference) {
    if (reference.theme !== null && text.has('word/theme/theme1.xml')) text.set('word/theme/theme1.xml', reference.theme);
  }

  const mtime = zipDate(date);
  const files: Zippable = {};
  for (const name of [...text.keys()].sort(partOrder)) {
    const data = text.get(name) ?? '';
    files[name] = [data instanceof Uint8Array ? data : utf8(data), { mtime }];
  }
  return zipSync(files, { level: 6 });
}

/** UTF-8 of the text, pieces written straight into one buffer. Pieces end between elements, never inside a character. */
function utf8(text: string | readonly string[]): Uint8Array {
  if (typeof text === 'string') return strToU8(text);
  const bytes = new Uint8Array(text.reduce((length, piece) => length + Buffer.byteLength(piece), 0));
  const encoder = new TextEncoder();
  let written = 0;
  for (const piece of text) written += encoder.encodeInto(piece, bytes.subarray(written)).written;
  return bytes;
}

/**
 * The ids docx numbers per process, numbered per part, in place: `pieces` are one part in order, and
 * each renumbering carries its count from one piece to the next, so the bytes are those of the part
 * renumbered whole.
 */
function normaliseIds(pieces: string[], relationshipIds: ReadonlyMap<string, string>): void {
  const bookmarks = pieces.some((piece) => piece.includes('<w:bookmarkStart')) ? bookmarkRenumbering() : (xml: string): string => xml;
  const drawings = drawingRenumbering();
  pieces.forEach((piece, index) => {
    pieces[index] = drawings(bookmarks(replaceRelationshipIds(piece, relationshipIds)));
  });
}

type Compiler = { compile(file: Document, prettify: undefined, overrides: readonly never[]): Map<string, string | Uint8Array> };

/**
 * The document's parts as text. Packer zips the parts its compiler makes, and unzipping that again
 * costs as much as making them; the compiler is not public API, so without it we unzip.
 */
export async function compileParts(document: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  const parts: Iterable<[string, string | Uint8Array]> =
    typeof compiler?.compile === 'function' ? compiler.compile(document, undefined, []) : Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(document))));
  const isText = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');
  return new Map([...parts].map(([name, data]) => [name, typeof data === 'string' || !isText(name) ? data : strFromU8(data)]));
}

/** [Content_Types].xml and the package rels first, as Word writes them; then by name. */
function partOrder(a: string, b: string): number {
  const rank = (name: string): number => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Random relationship ids (hyperlinks) become rIdH1, rIdH2… in the order the rels part lists them. */
function renameRelationships(rels: string): { rels: string; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const out = rels.replace(/\bId="([^"]+)"/g, (whole, id: string) => {
    if (/^rId\d+$/.test(id)) return whole;
    const renamed = ids.get(id) ?? `rIdH${ids.size + 1}`;
    ids.set(id, renamed);
    return `Id="${renamed}"`;
  });
  return { rels: out, ids };
}

function replaceRelationshipIds(xml: string, ids: ReadonlyMap<string, string>): string {
  if (ids.size === 0) return xml;
  return xml.replace(/\br:(id|embed|link)="([^"]+)"/g, (whole, attribute: string, id: string) => {
    const renamed = ids.get(id);
    return renamed === undefined ? whole : `r:${attribute}="${renamed}"`;
  });
}

/** Bookmark ids come from a counter shared by every document of the process: number them per part. */
function bookmarkRenumbering(): (xml: string) => string {
  const ids = new Map<string, string>();
  // docx names the contents' heading bookmarks from a counter that runs on across the documents a
  // thread renders: numbered afresh per document, the bytes depend on the document alone.
  const tocNames = new Map<string, string>();
  return (xml) =>
    xml
      .replace(/\b_Toc(\d+)\b/g, (_, n: string) => {
        const renumbered = tocNames.get(n) ?? String(tocNames.size + 1);
        tocNames.set(n, renumbered);
        return `_Toc${renumbered}`;
      })
      .replace(/<w:bookmark(Start|End)\b[^>]*>/g, (tag) =>
        tag.replace(/\bw:id="(\d+)"/, (_, id: string) => {
          const renumbered = ids.get(id) ?? String(ids.size + 1);
          ids.set(id, renumbered);
          return `w:id="${renumbered}"`;
        }),
      );
}

/** Drawing ids (images) come from a counter shared by every document of the process: 1, 2… per part, in order. */
function drawingRenumbering(): (xml: string) => string {
  let next = 0;
  return (xml) => (xml.includes('<wp:docPr ') ? xml.replace(/(<wp:docPr [^>]*?\bid=")\d+"/g, (_, start: string) => `${start}${++next}"`) : xml);
}

function addFonts(fontTable: string, entries: string): string {
  if (/<w:fonts\b[^>]*\/>/.test(fontTable)) return fontTable.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  return fontTable.replace('</w:fonts>', `${entries}</w:fonts>`);
}

/** created/modified from the site's date, not the clock. */
function fixDates(core: string, date: string): string {
  const w3cdtf = w3cDate(date);
  return core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${w3cdtf}$3`);
}

function w3cDate(date: string): string {
  const parsed = new Date(date);
  const valid = Number.isNaN(parsed.getTime()) ? new Date(Date.UTC(2000, 0, 1)) : parsed;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Zip entries hold local DOS times, and fflate reads the Date's local fields: a Date built from the
 * site date's calendar day at noon gives the same bytes in every time zone.
 */
function zipDate(date: string): Date {
  const parsed = new Date(date);
  const valid = Number.isNaN(parsed.getTime()) || parsed.getUTCFullYear() < 1980 ? new Date(Date.UTC(2000, 0, 1)) : parsed;
  return new Date(valid.getUTCFullYear(), valid.getUTCMonth(), valid.getUTCDate(), 12, 0, 0);
}
