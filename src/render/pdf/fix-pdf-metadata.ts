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
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? Number.NaN);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(startxref))?.[1];
  if (!Number.isInteger(startxref) || trailer === undefined || !text.startsWith('xref', startxref)) {
    throw new Error('unexpected PDF layout from Chromium (no classic xref table); cannot set the metadata');
  }
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const info = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1]);
  const offsets = readXref(text, startxref, size);
  const infoStart = offsets[info];
  if (root === undefined || infoStart === undefined || infoStart <= 0) throw new Error('unexpected PDF trailer from Chromium; cannot set the metadata');
  const infoEnd = text.indexOf('endobj', infoStart) + 'endobj'.length;

  const infoObject = `${info} 0 obj\n${infoDictionary(metadata)}\nendobj`;
  const delta = infoObject.length - (infoEnd - infoStart);
  const body = text.slice(0, infoStart) + infoObject + text.slice(infoEnd, startxref);
  const id = createHash('md5').update(body, 'latin1').digest('hex').toUpperCase();
  const entries = offsets.map((offset, n) => (n === 0 ? '0000000000 65535 f \n' : `${String(offset > infoStart ? offset + delta : offset).padStart(10, '0')} 00000 n \n`));
  const tail = `xref\n0 ${size}\n${entries.join('')}trailer\n<</Size ${size}\n/Root ${root}\n/Info ${info} 0 R\n/ID [<${id}> <${id}>]>>\nstartxref\n${body.length}\n%%EOF`;
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
