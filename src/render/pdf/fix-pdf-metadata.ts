import { createHash } from 'node:crypto';

/** The document information ladderpress stamps into every PDF. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  /** e.g. "ladderpress 0.1.0" */
  readonly creator: string;
  /** ISO 8601 date; the same for every build of the same content. */
  readonly date: string;
}

/**
 * Makes Chromium's PDF deterministic and complete: replaces the Info dictionary (Chromium writes the
 * current time, its user agent and no Author/Subject/Keywords) and adds a trailer /ID derived from
 * the content. A byte-level rewrite of Skia's classic xref layout: every other object — the structure
 * tree that makes the PDF tagged, the outline, fonts — is copied byte for byte, only shifted, which is
 * far cheaper than parsing and re-serialising the whole file.
 */
export function fixPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const text = renumberStructureIds(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'));
  const trailer = classicTrailer(text);
  if (trailer === null) throw new Error('unexpected PDF layout from Chromium (no classic xref table); cannot set the metadata');
  const { startxref, size, root, info } = trailer;
  const offsets = readXref(text, startxref, size);
  const infoStart = info === null ? undefined : offsets[info];
  if (info === null || infoStart === undefined || infoStart <= 0) throw new Error('unexpected PDF trailer from Chromium; cannot set the metadata');
  const infoEnd = text.indexOf('endobj', infoStart) + 'endobj'.length;

  const infoObject = `${info} 0 obj\n${infoDictionary(metadata)}\nendobj`;
  const delta = infoObject.length - (infoEnd - infoStart);
  const body = text.slice(0, infoStart) + infoObject + text.slice(infoEnd, startxref);
  const id = createHash('md5').update(body, 'latin1').digest('hex').toUpperCase();
  const tail = classicTail(offsets.map((offset, n) => (n === 0 ? undefined : offset > infoStart ? offset + delta : offset)), root, info, id, body.length);
  return Buffer.from(body + tail, 'latin1');
}

/**
 * Chromium names structure elements after DOM node ids ("node00000455"), which keep counting on a
 * page reused for the next document, so the same document gets other ids on another page. Renumbered
 * 1..n in their order: the mapping is monotonic, so the sorted ID tree stays sorted, and the width is
 * kept, so no byte offset moves.
 */
function renumberStructureIds(text: string): string {
  const pattern = /\(node(\d{8})\)/g;
  const ids = [...new Set(Array.from(text.matchAll(pattern), (m) => m[1] ?? ''))].sort();
  const renamed = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return text.replace(pattern, (_, id: string) => `(node${renamed.get(id) ?? id})`);
}

/** What the trailer of Skia's classic layout says: where its xref table starts, its size, the catalog and Info objects; null for any other layout. */
export function classicTrailer(text: string): { startxref: number; size: number; root: number; info: number | null } | null {
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? Number.NaN);
  if (!Number.isInteger(startxref) || !text.startsWith('xref', startxref)) return null;
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(startxref))?.[1];
  const root = trailer === undefined ? undefined : /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (trailer === undefined || root === undefined) return null;
  const info = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  return { startxref, size: Number(/\/Size (\d+)/.exec(trailer)?.[1] ?? 0), root: Number(root), info: info === undefined ? null : Number(info) };
}

/**
 * The cross-reference table and trailer Skia's layout ends with, after a body of `xrefAt` bytes:
 * `offsets[n]` is where object n starts, undefined for a free number. `id` is the file's ID, in hex.
 */
export function classicTail(offsets: readonly (number | undefined)[], root: number, info: number, id: string, xrefAt: number): string {
  const entries = Array.from(offsets, (offset) => (offset === undefined ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`));
  return `xref\n0 ${offsets.length}\n${entries.join('')}trailer\n<</Size ${offsets.length}\n/Root ${root} 0 R\n/Info ${info} 0 R\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefAt}\n%%EOF`;
}

/** Offsets of objects 0..size-1 from a classic xref table (Skia writes one subsection). */
export function readXref(text: string, at: number, size: number): number[] {
  const offsets: number[] = new Array<number>(size).fill(0);
  const lines = text.slice(at, text.indexOf('trailer', at)).split(/\r?\n/);
  let next = 0;
  for (const line of lines.slice(1)) {
    const subsection = /^(\d+) (\d+)\s*$/.exec(line);
    if (subsection) {
      next = Number(subsection[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) continue;
    if (entry[3] === 'n' && next < size) offsets[next] = Number(entry[1]);
    next += 1;
  }
  return offsets;
}

export function infoDictionary(m: PdfMetadata): string {
  const date = pdfDate(m.date);
  const fields: [string, string][] = [
    ['Title', pdfString(m.title)],
    ['Author', pdfString(m.author)],
    ['Subject', pdfString(m.subject)],
    ['Keywords', pdfString(m.keywords)],
    ['Creator', pdfString(m.creator)],
    ['Producer', pdfString(`${m.creator} (Chromium)`)],
    ['CreationDate', date],
    ['ModDate', date],
  ];
  return `<<${fields.map(([key, value]) => `/${key} ${value}`).join('\n')}>>`;
}

/** A PDF text string: literal when plain ASCII, else UTF-16BE with a byte order mark. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(value, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** ISO 8601 → PDF date in UTC, e.g. (D:20000101000000+00'00'). */
export function pdfDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid document date ${JSON.stringify(iso)}`);
  const digits = date.toISOString().slice(0, 19).replace(/[-T:]/g, '');
  return `(D:${digits}+00'00')`;
}
