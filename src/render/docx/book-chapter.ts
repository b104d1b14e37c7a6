import { createHash } from 'node:crypto';
import type { Diagnostics } from '../../diagnostics.js';
import type { Site } from '../../model/types.js';
import { docxDocument, textWidth } from './docx-document.js';
import type { DocxImage } from './docx-images.js';
import { DocxState } from './docx-state.js';
import { TWIPS_PER_PIXEL } from './image-run.js';
import type { DocxArticle, DocxLevel, DocxOverview } from './docx-parts.js';
import { documentBlocks } from './document-blocks.js';
import { compileParts, type Parts } from './pack-docx.js';
import { internalLink, siteLink } from './site-links.js';
import { StandInBookmarks } from './stand-in-bookmarks.js';

/** One chapter of the book, as plain data for whichever thread makes it. */
export interface ChapterTask {
  readonly kind: 'chapter';
  readonly site: Site;
  readonly doc: DocxOverview | DocxLevel | DocxArticle;
  /** Heading 1 (overview, level) or 2 (an article in the appendix). */
  readonly titleLevel: 1 | 2;
  /** Whether the book has an overview chapter (links to it stay inside the book). */
  readonly hasOverview: boolean;
}

/** A relationship the chapter's XML refers to, with the part it points to when that is inside the package. */
export interface ChapterRelationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** Base64 bytes of an internal target (an image). */
  readonly data: string | null;
}

/**
 * A chapter made on its own, everything after its title: what the book joins (assemble-book.ts).
 * Ids that count across a document (footnotes, list instances, relationships, bookmarks) are the
 * chapter's own and are renumbered when joined; bookmark names are stand-ins.
 */
export interface ChapterPart {
  /** The body's XML after the title paragraph, without the section properties. */
  readonly body: string;
  /** `<w:footnote>` elements (not the separators), in id order. */
  readonly footnotes: readonly string[];
  readonly relationships: readonly ChapterRelationship[];
  readonly footnoteRelationships: readonly ChapterRelationship[];
  /**
   * Lists: numId → the hash of its definition, and the rest of the <w:num>. Every bullet list uses
   * the one list of its definition; each ordered list is a list of its own.
   */
  readonly nums: readonly { readonly id: number; readonly abstract: string; readonly overrides: string; readonly bullet: boolean }[];
  /** Ordered-list definitions with a start other than 1 (the book's numbering must define them). */
  readonly starts: readonly (readonly [string, { level: number; start: number }])[];
  /** `<Default>` content types the chapter's images need. */
  readonly contentTypes: readonly string[];
  /** The chapter has a Heading 1 of its own besides its title: the book's contents would list it. */
  readonly outlineHeadings: boolean;
}

/**
 * A made chapter's bytes, read whole only when the book takes it in (assemble-book.ts): what the
 * book's frame needs of every chapter is read first, the rest of each one at its turn.
 */
export interface KeptChapter {
  readonly outlineHeadings: boolean;
  readonly starts: ChapterPart['starts'];
  part(): ChapterPart;
}

export function keptChapter(data: Uint8Array): KeptChapter {
  const part = (): ChapterPart => JSON.parse(new TextDecoder().decode(data)) as ChapterPart;
  const { outlineHeadings, starts } = part();
  return { outlineHeadings, starts, part };
}

export function chapterTask(site: Site, doc: DocxOverview | DocxLevel | DocxArticle, titleLevel: 1 | 2, hasOverview: boolean): ChapterTask {
  return { kind: 'chapter', site, doc, titleLevel, hasOverview };
}

/** Makes a chapter, as its part's JSON bytes (what a worker thread posts back, and the cache keeps). */
export async function renderChapter(task: ChapterTask, diagnostics: Diagnostics, reported: Set<string>, images: ReadonlyMap<string, DocxImage>): Promise<Uint8Array> {
  const { site, doc } = task;
  const has = (key: string): boolean => key !== 'overview' || task.hasOverview;
  const state = new DocxState(
    (target, bookmarks) => internalLink(bookmarks.find(target.kind === 'overview' ? 'overview' : `${target.kind}:${target.slug}`, target.fragment)) ?? siteLink(site, target),
    diagnostics,
    reported,
    { images, maxWidth: textWidth(site) / TWIPS_PER_PIXEL },
    new StandInBookmarks(has),
  );
  // The title is the book's own (its outline and contents are made from the titles).
  const blocks = documentBlocks(doc, state, { as: 'heading', titleLevel: task.titleLevel, textWidth: textWidth(site) }).slice(1);
  const parts = await compileParts(docxDocument(site, { title: '', description: '', sections: [blocks], state }));
  return new TextEncoder().encode(JSON.stringify(chapterPart(parts, state)));
}

function chapterPart(parts: Parts, state: DocxState): ChapterPart {
  const text = (name: string): string => {
    const data = parts.get(name);
    return typeof data === 'string' ? data : '';
  };
  const document = text('word/document.xml');
  const open = document.indexOf('<w:body>') + '<w:body>'.length;
  const body = document.slice(open, document.lastIndexOf('<w:sectPr'));
  const footnotes = [...text('word/footnotes.xml').matchAll(/<w:footnote\b[^>]*?w:id="(\d+)"[^>]*>[\s\S]*?<\/w:footnote>/g)].filter((m) => Number(m[1]) > 0).map((m) => m[0]);
  const numbering = text('word/numbering.xml');
  const abstracts = new Map<string, { hash: string; bullet: boolean }>();
  for (const m of numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(m[1] ?? '', { hash: abstractHash(m[2] ?? ''), bullet: /<w:numFmt w:val="([^"]+)"/.exec(m[2] ?? '')?.[1] === 'bullet' });
  }
  const nums = [...numbering.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>([\s\S]*?)<\/w:num>/g)].map((m) => {
    const abstract = abstracts.get(m[2] ?? '');
    if (!abstract) throw new Error(`chapter numbering: no definition ${m[2]}`);
    return { id: Number(m[1]), abstract: abstract.hash, overrides: m[3] ?? '', bullet: abstract.bullet };
  });
  const footnoteXml = footnotes.join('');
  return {
    body,
    footnotes,
    relationships: referenced(parts, 'word/_rels/document.xml.rels', body),
    footnoteRelationships: referenced(parts, 'word/_rels/footnotes.xml.rels', footnoteXml),
    nums,
    starts: [...state.orderedStarts],
    contentTypes: [...text('[Content_Types].xml').matchAll(/<Default Extension="[^"]+" ContentType="[^"]+"\/>/g)].map((m) => m[0]),
    outlineHeadings: body.includes('<w:pStyle w:val="Heading1"/>'),
  };
}

/** The hash a list definition is matched by across documents (its XML without its id). */
export function abstractHash(inner: string): string {
  return createHash('sha1').update(inner).digest('hex');
}

/** The relationships of a rels part that `xml` refers to (r:id, r:embed, r:link). */
function referenced(parts: Parts, relsName: string, xml: string): ChapterRelationship[] {
  const rels = parts.get(relsName);
  if (typeof rels !== 'string') return [];
  const used = new Set(Array.from(xml.matchAll(/\br:(?:id|embed|link)="([^"]+)"/g), (m) => m[1]));
  const out: ChapterRelationship[] = [];
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attributes = m[1] ?? '';
    const attribute = (name: string): string => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';
    const id = attribute('Id');
    if (!used.has(id)) continue;
    const external = attribute('TargetMode') === 'External';
    const target = attribute('Target');
    const data = external ? undefined : parts.get(`word/${target}`);
    const bytes = data === undefined ? null : data instanceof Uint8Array ? Buffer.from(data) : Buffer.from(typeof data === 'string' ? data : data.join(''));
    out.push({ id, type: attribute('Type'), target, external, data: bytes === null ? null : bytes.toString('base64') });
  }
  return out;
}
