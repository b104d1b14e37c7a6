import { createHash } from 'node:crypto';
import { ChromiumPdf, refOf, refsIn, renumber } from './chromium-pdf.js';
import { decodeName } from './destination-pages.js';
import { classicTail, infoDictionary, pdfString, type PdfMetadata } from './fix-pdf-metadata.js';
import { PART_LINK_PREFIX } from './part-links.js';

/** How a viewer numbers a part's pages: "3-1, 3-2…" for chapter 3, "i, ii…" for the front matter. */
export interface PageLabel {
  readonly style: 'decimal' | 'lower-roman';
  readonly prefix: string;
}

/** One printed part of a joined document, read when its turn comes so the parts are never all in memory as text. */
export interface JoinPart {
  readonly label: PageLabel;
  readonly read: () => Promise<Uint8Array>;
}

/** The objects the joined file adds, numbered first; the parts' objects follow. */
const CATALOG = 1;
const PAGES = 2;
const OUTLINES = 3;
const STRUCT_ROOT = 4;
const DOCUMENT = 5;
const INFO = 6;
const DESTS = 7;
const PARENT_TREE = 8;
const ID_TREE = 9;
const FIRST_FREE = 10;
/** Stands in a part's object for a reference to one of those until its own references are renumbered. */
const MARK = '\u0001';

/**
 * Chromium's PDFs of the parts of one book → one PDF, keeping what a single print of the book has:
 * the pages, their links (a part's links to another part, printed as PART_LINK_PREFIX URLs, become
 * links inside the book), the named destinations, the outline (the parts' outlines one after
 * another) and the tag tree (each part's Document element becomes a Part of one Document); it adds
 * page labels, so a viewer shows "3-2" where the footer does, and the document information and ID
 * fixPdfMetadata gives a single print.
 *
 * Works on the bytes, as fix-pdf-metadata.ts does: every object is copied as it is, its references
 * renumbered and stream data untouched; only the roots (catalog, page tree, outline root, tag tree
 * root and its number and name trees, destinations) are written anew. Joining the 502 parts of a
 * 500-level book (96 MB) this way took about 3 s; pdf-lib, a PDF object library, took 12.5 s and
 * 790 MB of memory for the same join (measured 2026-12-03).
 *
 * The bytes come out as they are made, a part's objects at a time, so only one part is in memory:
 * what the book needs to finish (its page list, destinations, outline and tag tree roots) is small.
 */
export async function* joinPdfs(parts: readonly JoinPart[], metadata: PdfMetadata): AsyncGenerator<Uint8Array> {
  const book = new JoinedBook();
  for (const part of parts) yield book.add(new ChromiumPdf(await part.read()), part.label);
  yield book.finish(metadata);
}

class JoinedBook {
  private readonly pending: (string | Uint8Array)[] = [];
  private readonly hash = createHash('md5');
  private length = 0;
  private readonly offsets: number[] = [];
  private nextNumber = FIRST_FREE;

  private readonly pages: number[] = [];
  private readonly labels: string[] = [];
  private readonly dests = new Map<string, string>();
  private readonly outlineTop: { number: number; text: string }[] = [];
  private outlineCount = 0;
  private readonly structParts: number[] = [];
  private readonly parentTree: string[] = [];
  private nextParentKey = 0;
  private readonly ids: string[] = [];
  private readonly partLinks: { number: number; text: string; anchor: string }[] = [];
  private catalogFlags = '';

  constructor() {
    this.write('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n');
  }

  /** Copies a part in; returns the bytes it added. */
  add(pdf: ChromiumPdf, label: PageLabel): Uint8Array {
    const catalog = pdf.value(pdf.root);
    if (this.pages.length === 0) {
      // The language, "tagged" and "show the title" flags, as the parts have them (direct values in Chromium's catalog).
      this.catalogFlags = ['Lang', 'MarkInfo', 'ViewerPreferences'].map((key) => directValue(catalog, key)).filter(Boolean).join('\n');
    }
    this.labels.push(`${this.pages.length} <</S /${label.style === 'decimal' ? 'D' : 'r'}${label.prefix ? ` /P ${pdfString(label.prefix)}` : ''}>>`);

    // The roots this book writes anew: the part's own are left out.
    const dropped = new Set<number>([pdf.root, ...(pdf.info === null ? [] : [pdf.info])]);
    const leaves: number[] = [];
    const walkPages = (number: number, depth: number): void => {
      const node = pdf.value(number);
      if (!/\/Type\s*\/Pages\b/.test(node) || depth > 32) return void leaves.push(number);
      dropped.add(number);
      for (const kid of refsIn(/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '')) walkPages(kid, depth + 1);
    };
    const pagesRoot = refOf(catalog, 'Pages');
    if (pagesRoot === null) throw new Error('a part of the book has no pages');
    walkPages(pagesRoot, 0);

    const destsRef = refOf(catalog, 'Dests');
    const outlinesRef = refOf(catalog, 'Outlines');
    const structRef = refOf(catalog, 'StructTreeRoot');
    for (const ref of [destsRef, outlinesRef, structRef]) if (ref !== null) dropped.add(ref);
    const struct = structRef === null ? null : pdf.value(structRef);
    const parentTreeNodes = struct === null ? [] : treeNodes(pdf, refOf(struct, 'ParentTree'));
    const idTreeNodes = struct === null ? [] : treeNodes(pdf, refOf(struct, 'IDTree'));
    for (const node of [...parentTreeNodes, ...idTreeNodes]) dropped.add(node);

    // Every kept object gets the next free number, in file order.
    const renamed = new Map<number, number>();
    for (const number of pdf.objects.keys()) if (!dropped.has(number)) renamed.set(number, this.nextNumber++);
    const rename = (number: number): number => {
      const found = renamed.get(number);
      if (found === undefined) throw new Error(`a part of the book refers to object ${number}, which the join leaves out`);
      return found;
    };

    // Chromium names structure elements after DOM nodes, numbered per print: renamed in order,
    // so the book's IDs stay unique and its ID tree sorted.
    const newIds = new Map<string, string>();
    for (const node of idTreeNodes) {
      const names = /\/Names\s*\[([^\]]*)\]/.exec(pdf.value(node))?.[1] ?? '';
      for (const [, id = '', ref = ''] of names.matchAll(/\(([^()\\]*)\)\s*(\d+)\s+0\s+R/g)) {
        const fresh = `node${String(this.ids.length / 2 + 1).padStart(8, '0')}`;
        newIds.set(id, fresh);
        this.ids.push(`(${fresh})`, `${rename(Number(ref))} 0 R`);
      }
    }

    const keyOffset = this.nextParentKey;
    const leafSet = new Set(leaves);
    const topItems = new Set(outlinesRef === null ? [] : chain(pdf, refOf(pdf.value(outlinesRef), 'First')));
    const documentRef = struct === null ? null : refOf(struct, 'K');
    for (const number of pdf.objects.keys()) {
      if (dropped.has(number)) continue;
      let text = pdf.value(number);
      // References to the roots this book writes anew are set after renumbering, through a marker.
      if (leafSet.has(number)) {
        text = shiftKey(text.replace(/\/Parent\s+\d+\s+0\s+R/, `/Parent ${MARK}`), 'StructParents', keyOffset);
      } else if (/\/Subtype\s*\/Link\b/.test(text)) {
        text = shiftKey(text, 'StructParent', keyOffset);
      } else if (number === documentRef) {
        // Each part was printed as a Document; in the book it is a Part of one.
        text = text.replace(/\/S\s*\/Document\b/, '/S /Part').replace(/\/P\s+\d+\s+0\s+R/, `/P ${MARK}`);
      } else if (topItems.has(number)) {
        // Linked to the other parts' items when the book is finished.
        text = text.replace(/\/(Parent|Prev|Next)\s+\d+\s+0\s+R\s*/g, '');
      } else if (newIds.size > 0 && /\/ID\s*\(/.test(text)) {
        text = text.replace(/\/ID\s*\(([^()\\]*)\)/, (whole, id: string) => (newIds.has(id) ? `/ID (${newIds.get(id)})` : whole));
      }
      text = renumber(text, rename).replace(`/Parent ${MARK}`, `/Parent ${PAGES} 0 R`).replace(`/P ${MARK}`, `/P ${DOCUMENT} 0 R`);
      const anchor = partLinkAnchor(text);
      if (anchor !== null) this.partLinks.push({ number: rename(number), text, anchor });
      else if (topItems.has(number)) this.outlineTop.push({ number: rename(number), text });
      else this.writeObject(rename(number), text, pdf.stream(number));
    }

    for (const leaf of leaves) this.pages.push(rename(leaf));
    if (destsRef !== null) {
      for (const [, name = '', destination = ''] of pdf.value(destsRef).matchAll(/\/([^\s/[\]<>()]+)\s*(\[[^\]]*\])/g)) {
        this.dests.set(decodeName(name), `/${name} ${renumber(destination, rename)}`);
      }
    }
    if (outlinesRef !== null) this.outlineCount += Math.abs(Number(/\/Count\s+(-?\d+)/.exec(pdf.value(outlinesRef))?.[1] ?? topItems.size));
    if (struct !== null && documentRef !== null) {
      this.structParts.push(rename(documentRef));
      for (const node of parentTreeNodes) {
        const nums = /\/Nums\s*\[([^\]]*)\]/.exec(pdf.value(node))?.[1] ?? '';
        for (const [, key = '', ref = ''] of nums.matchAll(/(\d+)\s+(\d+)\s+0\s+R/g)) this.parentTree.push(`${Number(key) + keyOffset} ${rename(Number(ref))} 0 R`);
      }
      this.nextParentKey = keyOffset + Number(/\/ParentTreeNextKey\s+(\d+)/.exec(struct)?.[1] ?? 0);
    }
    return this.flush();
  }

  finish(metadata: PdfMetadata): Uint8Array {
    for (const link of this.partLinks) {
      const target = this.dests.get(link.anchor);
      // A link to an anchor no part has keeps its place and text but goes nowhere: Chromium drops such a link from a single print.
      const action = target === undefined ? '' : `/Dest /${target.slice(1, target.indexOf(' '))}`;
      this.writeObject(link.number, link.text.replace(/\/A\s*<<[^]*?\/URI\s*\([^()]*\)\s*>>/, action), null);
    }
    this.outlineTop.forEach((item, index) => {
      const previous = this.outlineTop[index - 1];
      const next = this.outlineTop[index + 1];
      const links = `/Parent ${OUTLINES} 0 R${previous ? `\n/Prev ${previous.number} 0 R` : ''}${next ? `\n/Next ${next.number} 0 R` : ''}`;
      this.writeObject(item.number, item.text.replace(/>>\s*$/, `\n${links}>>`), null);
    });
    const first = this.outlineTop[0];
    const last = this.outlineTop[this.outlineTop.length - 1];
    this.writeObject(OUTLINES, `<</Type /Outlines${first && last ? `\n/First ${first.number} 0 R\n/Last ${last.number} 0 R\n/Count ${this.outlineCount}` : ''}>>`, null);
    this.writeObject(PAGES, `<</Type /Pages\n/Count ${this.pages.length}\n/Kids [${this.pages.map((page) => `${page} 0 R`).join(' ')}]>>`, null);
    this.writeObject(DESTS, `<<${[...this.dests.values()].join('\n')}>>`, null);
    this.writeObject(PARENT_TREE, `<</Type /ParentTree\n/Nums [${this.parentTree.join(' ')}]>>`, null);
    this.writeObject(ID_TREE, `<</Names [${this.ids.join(' ')}]>>`, null);
    this.writeObject(DOCUMENT, `<</Type /StructElem\n/S /Document\n/P ${STRUCT_ROOT} 0 R\n/K [${this.structParts.map((part) => `${part} 0 R`).join(' ')}]>>`, null);
    this.writeObject(STRUCT_ROOT, `<</Type /StructTreeRoot\n/K ${DOCUMENT} 0 R\n/ParentTreeNextKey ${this.nextParentKey}\n/ParentTree ${PARENT_TREE} 0 R${this.ids.length > 0 ? `\n/IDTree ${ID_TREE} 0 R` : ''}>>`, null);
    this.writeObject(INFO, infoDictionary(metadata), null);
    const structure = this.structParts.length > 0 ? `\n/StructTreeRoot ${STRUCT_ROOT} 0 R` : '';
    this.writeObject(CATALOG, `<</Type /Catalog\n/Pages ${PAGES} 0 R\n/Dests ${DESTS} 0 R${structure}\n/Outlines ${OUTLINES} 0 R\n/PageLabels <</Nums [${this.labels.join(' ')}]>>${this.catalogFlags ? `\n${this.catalogFlags}` : ''}>>`, null);

    const roots = this.flush();
    // As fixPdfMetadata does for a single print: the ID is a hash of everything before the table.
    const id = this.hash.digest('hex').toUpperCase();
    const offsets = Array.from({ length: this.nextNumber }, (_, n) => this.offsets[n]);
    return Buffer.concat([roots, Buffer.from(classicTail(offsets, CATALOG, INFO, id, this.length), 'latin1')]);
  }

  private writeObject(number: number, value: string, stream: Uint8Array | null): void {
    this.offsets[number] = this.length;
    this.write(`${number} 0 obj\n${value}`);
    if (stream === null) return this.write('\nendobj\n');
    this.write(' stream\n');
    this.write(stream);
    this.write('endstream\nendobj\n');
  }

  private write(chunk: string | Uint8Array): void {
    this.pending.push(chunk);
    this.length += chunk.length;
  }

  /**
   * What was written since the last flush, as one buffer: a part's objects are copied out of it, so
   * neither its bytes nor its text (which strings cut from it would keep alive) outlive the part.
   */
  private flush(): Uint8Array {
    const bytes = Buffer.allocUnsafe(this.pending.reduce((total, chunk) => total + chunk.length, 0));
    let at = 0;
    for (const chunk of this.pending) at += typeof chunk === 'string' ? bytes.write(chunk, at, 'latin1') : (bytes.set(chunk, at), chunk.length);
    this.pending.length = 0;
    this.hash.update(bytes);
    return bytes;
  }
}

/** The objects of a number or name tree: its root and every /Kids node under it. */
function treeNodes(pdf: ChromiumPdf, root: number | null): number[] {
  if (root === null) return [];
  const kids = refsIn(/\/Kids\s*\[([^\]]*)\]/.exec(pdf.value(root))?.[1] ?? '');
  return [root, ...kids.flatMap((kid) => treeNodes(pdf, kid))];
}

/** An outline level: the item `first` and its /Next siblings. */
function chain(pdf: ChromiumPdf, first: number | null): number[] {
  const items: number[] = [];
  for (let item = first; item !== null && items.length < 100_000; item = refOf(pdf.value(item), 'Next')) items.push(item);
  return items;
}

/** `/Lang (en)` or `/MarkInfo <<…>>` from a dictionary's text, or '' when absent. */
function directValue(dictionary: string, key: string): string {
  return new RegExp(`/${key}\\s*(\\([^()]*\\)|<<[^<>]*>>)`).exec(dictionary)?.[0] ?? '';
}

function shiftKey(text: string, key: string, by: number): string {
  return text.replace(new RegExp(`/${key}\\s+(\\d+)`), (_, value: string) => `/${key} ${Number(value) + by}`);
}

/** The anchor a link annotation's PART_LINK_PREFIX URL names, or null. */
function partLinkAnchor(text: string): string | null {
  const uri = /\/URI\s*\(([^()]*)\)/.exec(text)?.[1];
  if (uri === undefined || !uri.startsWith(PART_LINK_PREFIX)) return null;
  return decodeURIComponent(uri.slice(PART_LINK_PREFIX.length));
}
