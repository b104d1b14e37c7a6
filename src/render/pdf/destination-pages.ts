/**
 * Named destination → page number (1-based), read straight from the PDF Chromium prints: its
 * catalog's /Dests dictionary names each link target's page object, and the page tree's /Kids give
 * the pages' order. Chromium (Skia) writes these as plain objects, so a few regular expressions
 * read them in milliseconds, where loading pdf.js for it cost about a second of CPU per build.
 * Returns null for any other shape (object streams, a name tree, a page not found), and the caller
 * then reads the PDF with pdf.js.
 */
export function chromiumDestinationPages(pdf: Uint8Array): Record<string, number> | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (text.includes('/ObjStm')) return null;
  const catalog = /\/Type\s*\/Catalog\b[^]*?>>/.exec(text)?.[0];
  const destsRef = catalog && /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const pagesRef = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!destsRef || !pagesRef) return null;
  const object = (number: string): string | null => {
    const start = text.indexOf(`\n${number} 0 obj`);
    if (start < 0) return null;
    const end = text.indexOf('endobj', start);
    return end < 0 ? null : text.slice(start, end);
  };

  const order = new Map<string, number>();
  const walk = (number: string, depth: number): boolean => {
    const node = object(number);
    if (node === null || depth > 32) return false;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
    if (kids === undefined) {
      order.set(number, order.size + 1);
      return true;
    }
    return [...kids.matchAll(/(\d+)\s+0\s+R/g)].every((kid) => walk(kid[1] ?? '', depth + 1));
  };
  if (!walk(pagesRef, 0)) return null;

  const dests = object(destsRef);
  if (dests === null) return null;
  const out: Record<string, number> = {};
  for (const [, name = '', page = ''] of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const number = order.get(page);
    if (number === undefined) return null;
    out[decodeName(name)] = number;
  }
  return out;
}

/** A PDF name's #xx escapes are bytes of its UTF-8 text. */
export function decodeName(name: string): string {
  if (!name.includes('#')) return name;
  const bytes: number[] = [];
  for (let index = 0; index < name.length; index += 1) {
    if (name[index] === '#' && /^[0-9A-Fa-f]{2}$/.test(name.slice(index + 1, index + 3))) {
      bytes.push(parseInt(name.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(name.charCodeAt(index));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
