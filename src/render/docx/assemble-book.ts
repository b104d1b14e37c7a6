import { Paragraph, TextRun } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import { abstractHash, type ChapterPart, type ChapterRelationship, type KeptChapter } from './book-chapter.js';
import type { DocxLadder } from './docx-parts.js';
import { titleParagraph } from './document-blocks.js';
import type { DocxImage } from './docx-images.js';
import { bookDocument } from './ladder-docx.js';
import { compileParts, packParts, type PackOptions, type Parts } from './pack-docx.js';
import { resolveStandIns } from './stand-in-bookmarks.js';

/** A chapter's marker paragraph; docx gives the last paragraph of a section the section's properties. */
const MARKER = /<w:p>(?:<w:pPr>(<w:sectPr>(?:(?!<\/w:sectPr>)[\s\S])*<\/w:sectPr>)<\/w:pPr>)?<w:r><w:t xml:space="preserve">LPCHAPTER(\d+)<\/w:t><\/w:r><\/w:p>/g;
/** Bookmark ids of chapter n are moved to n × this, so no two chapters share one before the pack renumbers them. */
const BOOKMARK_ID_STRIDE = 1_000_000;

/**
 * The book joined from its chapters, each made on its own (book-chapter.ts) and cached: docx makes
 * only the frame — title page, contents, each chapter's title and section — and each chapter's XML
 * goes in after its title, its footnotes, list instances and relationships renumbered into the
 * book's and its stand-in bookmark names resolved. The contents are made by docx from the titles, so
 * they are the ones a book made whole would have (chapter titles only: see joinsChapters).
 * `chapters` are in book order: overview, levels, articles. Returns null when a chapter has a
 * Heading 1 of its own, which the contents would list: then the book is made whole.
 */
export async function assembleBook(ladder: DocxLadder, chapters: readonly KeptChapter[], pack: PackOptions, diagnostics: Diagnostics, reported: Set<string>, images: ReadonlyMap<string, DocxImage>): Promise<Uint8Array | null> {
  if (chapters.some((chapter) => chapter.outlineHeadings)) return null;
  let next = 0;
  const marker = (): Paragraph => new Paragraph({ children: [new TextRun(`LPCHAPTER${next++}`)] });
  const { document, state } = bookDocument(ladder, diagnostics, reported, {
    chapter: (doc, titleLevel, bookState) => [titleParagraph(doc, bookState, { as: 'heading', titleLevel }), marker()],
    orderedStarts: chapters.flatMap((chapter) => chapter.starts),
    images,
  });
  if (next !== chapters.length) throw new Error(`the book has ${next} chapters, ${chapters.length} were made`);
  const parts = await compileParts(document);
  const text = (name: string): string => {
    const data = parts.get(name);
    return typeof data === 'string' ? data : '';
  };

  const numbering = new BookNumbering(text('word/numbering.xml'));
  const documentRels: string[] = [];
  const footnoteRels: string[] = [];
  const footnotes: string[] = [];
  let footnoteCount = Math.max(0, ...Array.from(text('word/footnotes.xml').matchAll(/<w:footnote\b[^>]*?w:id="(\d+)"/g), (m) => Number(m[1])));
  const contentTypes = new Set<string>();
  const find = (doc: string, fragment: string | null): string | null => state.bookmarks.find(doc, fragment);
  const names = new Map<string, string>();

  // The book's body stays in pieces, the frame's between the chapters' (see Parts in pack-docx.ts).
  const join = (section: string | undefined, index: number): string => {
    const chapter = (chapters[index] as KeptChapter).part();
    const footnoteIds = new Map<string, string>();
    for (const footnote of chapter.footnotes) {
      const id = /w:id="(\d+)"/.exec(footnote)?.[1] ?? '';
      footnoteIds.set(id, String(++footnoteCount));
    }
    const rels = new Map<string, string>();
    const relsOf = (list: readonly ChapterRelationship[], into: string[], kind: string): void => {
      list.forEach((rel, k) => {
        const id = `rIdC${index}${kind}${k}`;
        rels.set(rel.id, id);
        into.push(relationship(id, rel, index, parts));
      });
    };
    relsOf(chapter.relationships, documentRels, 'd');
    relsOf(chapter.footnoteRelationships, footnoteRels, 'f');
    for (const type of chapter.contentTypes) contentTypes.add(type);
    const nums = numbering.take(chapter, index);
    const renumber = (xml: string): string =>
      resolveStandIns(
        xml
          .replace(/<w:numId w:val="(\d+)"\/>/g, (whole, id: string) => nums.get(Number(id)) ?? whole)
          .replace(/(<w:footnoteReference\b[^>]*?w:id=")(\d+)"/g, (whole, head: string, id: string) => (footnoteIds.has(id) ? `${head}${footnoteIds.get(id)}"` : whole))
          .replace(/\b(r:(?:id|embed|link)=")([^"]+)"/g, (whole, head: string, id: string) => (rels.has(id) ? `${head}${rels.get(id)}"` : whole))
          .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) => tag.replace(/\bw:id="(\d+)"/, (_, id: string) => `w:id="${(index + 1) * BOOKMARK_ID_STRIDE + Number(id)}"`)),
        find,
        names,
      );
    for (const footnote of chapter.footnotes) footnotes.push(renumber(footnote).replace(/w:id="\d+"/, `w:id="${footnoteIds.get(/w:id="(\d+)"/.exec(footnote)?.[1] ?? '')}"`));
    return withSection(renumber(chapter.body), section);
  };
  const frame = text('word/document.xml');
  const body: string[] = [];
  let after = 0;
  for (const marker of frame.matchAll(MARKER)) {
    body.push(frame.slice(after, marker.index), join(marker[1], Number(marker[2])));
    after = marker.index + marker[0].length;
  }
  body.push(frame.slice(after));
  parts.set('word/document.xml', body);
  if (footnotes.length > 0) parts.set('word/footnotes.xml', text('word/footnotes.xml').replace('</w:footnotes>', `${footnotes.join('')}</w:footnotes>`));
  numbering.finish(parts);
  addRelationships(parts, 'word/_rels/document.xml.rels', documentRels);
  addRelationships(parts, 'word/_rels/footnotes.xml.rels', footnoteRels);
  const types = text('[Content_Types].xml');
  const missing = [...contentTypes].filter((type) => !types.includes(/Extension="[^"]+"/.exec(type)?.[0] ?? type));
  if (missing.length > 0) parts.set('[Content_Types].xml', types.replace('<Default ', `${missing.join('')}<Default `));
  return packParts(parts, pack);
}

/** The chapter's XML ending its section, as docx ends one: the properties go into its last paragraph's. */
function withSection(body: string, section: string | undefined): string {
  if (section === undefined) return body;
  if (!body.endsWith('</w:p>')) return `${body}<w:p><w:pPr>${section}</w:pPr></w:p>`;
  const start = Math.max(body.lastIndexOf('<w:p>'), body.lastIndexOf('<w:p '));
  const properties = body.indexOf('</w:pPr>', start);
  if (body.startsWith('<w:pPr>', body.indexOf('>', start) + 1) && properties !== -1) return `${body.slice(0, properties)}${section}${body.slice(properties)}`;
  const open = body.indexOf('>', start) + 1;
  return `${body.slice(0, open)}<w:pPr>${section}</w:pPr>${body.slice(open)}`;
}

/** A chapter's relationship in the book; an image it carries is stored under a name of its own. */
function relationship(id: string, rel: ChapterRelationship, chapter: number, parts: Parts): string {
  let target = rel.target;
  if (!rel.external && rel.data !== null) {
    const slash = target.lastIndexOf('/');
    target = `${target.slice(0, slash + 1)}chapter${chapter}-${target.slice(slash + 1)}`;
    parts.set(`word/${target}`, Buffer.from(rel.data, 'base64'));
  }
  return `<Relationship Id="${id}" Type="${rel.type}" Target="${target}"${rel.external ? ' TargetMode="External"' : ''}/>`;
}

/**
 * Adds relationships to a rels part. docx adds the font table's last, numbered after all the others
 * (the document does not refer to it by id): kept so, the joined book's bytes are a whole book's.
 */
function addRelationships(parts: Parts, name: string, rels: readonly string[]): void {
  if (rels.length === 0) return;
  const existing = parts.get(name);
  let xml = typeof existing === 'string' ? existing : '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  xml = xml.replace(/<Relationships([^>]*)\/>/, '<Relationships$1></Relationships>');
  const fontTable = /<Relationship Id="rId\d+"( Type="[^"]*\/fontTable"[^>]*\/>)/.exec(xml);
  if (fontTable) xml = xml.replace(fontTable[0], '');
  const count = (xml.match(/<Relationship /g) ?? []).length + rels.length;
  const last = fontTable ? `<Relationship Id="rId${count + 1}"${fontTable[1]}` : '';
  parts.set(name, xml.replace('</Relationships>', `${rels.join('')}${last}</Relationships>`));
}

/**
 * The book's numbering part. Chapters' lists are first marked by what they are (every bullet list
 * of a definition shares one list, each ordered list is its own); then, as docx does for a book made
 * whole, each gets the next id where it is first used: in the body, the footnotes, then the styles.
 */
class BookNumbering {
  readonly #head: string;
  readonly #abstracts = new Map<string, number>();
  /** What each mark stands for: definition id and the rest of its <w:num>. */
  readonly #lists = new Map<string, { abstract: number; overrides: string }>();
  /** The frame's own lists by id (its default list, and those its styles use). */
  readonly #frame = new Map<number, string>();

  constructor(xml: string) {
    for (const m of xml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) this.#abstracts.set(abstractHash(m[2] ?? ''), Number(m[1]));
    const first = xml.indexOf('<w:num ');
    this.#head = first === -1 ? xml.slice(0, xml.lastIndexOf('</w:numbering>')) : xml.slice(0, first);
    const bullets = new Set(Array.from(xml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)).filter((m) => /<w:numFmt w:val="([^"]+)"/.exec(m[2] ?? '')?.[1] === 'bullet').map((m) => Number(m[1])));
    for (const m of xml.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>([\s\S]*?)<\/w:num>/g)) {
      const [id, abstract] = [Number(m[1]), Number(m[2])];
      // docx's default list (id 1) is made first, before any is used.
      const mark = id === 1 ? 'default' : bullets.has(abstract) ? `b${abstract}` : `f${id}`;
      this.#frame.set(id, mark);
      this.#lists.set(mark, { abstract, overrides: m[3] ?? '' });
    }
  }

  /** The chapter's numIds → marks, as the `<w:numId>` element. */
  take(chapter: ChapterPart, index: number): Map<number, string> {
    const out = new Map<number, string>();
    for (const num of chapter.nums) {
      const abstract = this.#abstracts.get(num.abstract);
      if (abstract === undefined) throw new Error(`chapter ${index}: a list definition the book does not have`);
      const mark = num.bullet ? `b${abstract}` : `c${index}.${num.id}`;
      if (!this.#lists.has(mark)) this.#lists.set(mark, { abstract, overrides: num.overrides });
      out.set(num.id, `<w:numId w:val="LPNUM${mark}"/>`);
    }
    return out;
  }

  /** Numbers the marks in `parts` in order of first use and writes the numbering part. */
  finish(parts: Parts): void {
    const ids = new Map<string, number>([['default', 1]]);
    const idOf = (mark: string): number => {
      let id = ids.get(mark);
      if (id === undefined) ids.set(mark, (id = ids.size + 1));
      return id;
    };
    const numbered = (xml: string): string => xml.replace(/<w:numId w:val="LPNUM([^"]+)"\/>/g, (_, mark: string) => `<w:numId w:val="${idOf(mark)}"/>`);
    for (const name of ['word/document.xml', 'word/footnotes.xml']) {
      const xml = parts.get(name);
      if (typeof xml === 'string') parts.set(name, numbered(xml));
      else if (Array.isArray(xml)) xml.forEach((piece, index) => (xml[index] = numbered(piece)));
    }
    const styles = parts.get('word/styles.xml');
    if (typeof styles === 'string') parts.set('word/styles.xml', styles.replace(/<w:numId w:val="(\d+)"\/>/g, (whole, id: string) => {
      const mark = this.#frame.get(Number(id));
      return mark === undefined ? whole : `<w:numId w:val="${idOf(mark)}"/>`;
    }));
    for (const mark of this.#frame.values()) idOf(mark);
    const nums = [...ids].map(([mark, id]) => {
      const list = this.#lists.get(mark) as { abstract: number; overrides: string };
      return `<w:num w:numId="${id}"><w:abstractNumId w:val="${list.abstract}"/>${list.overrides}</w:num>`;
    });
    parts.set('word/numbering.xml', `${this.#head}${nums.join('')}</w:numbering>`);
  }
}
