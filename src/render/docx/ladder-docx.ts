import { Bookmark, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import { bookContents } from './book-contents.js';
import { cleanText } from './clean-text.js';
import { contentsPageNumbers } from './contents-page-numbers.js';
import { docxDocument, pageBox, textWidth } from './docx-document.js';
import type { DocxImage } from './docx-images.js';
import { DocxState } from './docx-state.js';
import { docxTheme } from './docx-theme.js';
import { imageRun, TWIPS_PER_PIXEL } from './image-run.js';
import type { DocxArticle, DocxLadder, DocxLevel, DocxOverview } from './docx-parts.js';
import { docKey, documentBlocks, registerBookmarks } from './document-blocks.js';
import { internalLink, siteLink } from './site-links.js';
import { documentStyles, STYLE } from './styles.js';
import { trackMapChapter } from './track-map-docx.js';

/** Above this many levels the contents list levels only, not their sections. */
const DETAILED_CONTENTS_MAX_LEVELS = 25;

/**
 * The whole ladder as one book: title page with a filled-in table of contents, the overview, every
 * level in ladder order from a new page, and the articles as an appendix. Links between them are
 * bookmarks in the book.
 */
export function ladderDocx(ladder: DocxLadder, diagnostics: Diagnostics, reported: Set<string>, images: ReadonlyMap<string, DocxImage> = new Map()): Document {
  return bookDocument(ladder, diagnostics, reported, { images }).document;
}

/**
 * Whether the book is joined from chapters made on their own (assemble-book.ts): when its contents
 * list chapter titles only, so a joined book loses no detail of them (it has no page numbers).
 */
export function joinsChapters(ladder: Pick<DocxLadder, 'levels'>): boolean {
  return ladder.levels.length > DETAILED_CONTENTS_MAX_LEVELS;
}

export interface BookOptions {
  /** Makes a chapter's blocks (by default all of it); the joined book puts only its title and a marker. */
  readonly chapter?: (doc: DocxOverview | DocxLevel | DocxArticle, titleLevel: 1 | 2, state: DocxState, width: number) => FileChild[];
  /** Ordered-list definitions the chapters need (the joined book's chapters are made elsewhere). */
  readonly orderedStarts?: Iterable<readonly [string, { level: number; start: number }]>;
  /** The content images and logo, by path (see docx-images.ts). */
  readonly images?: ReadonlyMap<string, DocxImage>;
}

/** The book and its state (bookmark names, footnotes, lists). */
export function bookDocument(ladder: DocxLadder, diagnostics: Diagnostics, reported: Set<string>, options: BookOptions): { document: Document; state: DocxState } {
  const images = options.images ?? new Map<string, DocxImage>();
  const state = new DocxState((target, bookmarks) => internalLink(bookmarks.find(targetKey(target), target.fragment)) ?? siteLink(ladder.site, target), diagnostics, reported, {
    images,
    maxWidth: textWidth(ladder.site) / TWIPS_PER_PIXEL,
  });
  for (const [reference, start] of options.orderedStarts ?? []) state.orderedStarts.set(reference, start);
  if (ladder.overview) registerBookmarks(state, ladder.overview, 'overview');
  for (const level of ladder.levels) registerBookmarks(state, level, 'level');
  const appendix = ladder.articles.length > 0 ? state.bookmarks.add('appendix', null, 'appendix_articles') : null;
  for (const article of ladder.articles) registerBookmarks(state, article, 'article');

  const width = textWidth(ladder.site);
  const chapter = (doc: DocxOverview | DocxLevel | DocxArticle, level: 1 | 2): FileChild[] =>
    options.chapter ? options.chapter(doc, level, state, width) : documentBlocks(doc, state, { as: 'heading', titleLevel: level, textWidth: width });

  // Each chapter is a section of its own, which starts it on a new page.
  const chapters: FileChild[][] = [];
  // The overview usually repeats the book's title, which the title page already shows: "Overview", as in the PDF.
  const overview = ladder.overview && ladder.overview.title === ladder.site.title ? { ...ladder.overview, title: 'Overview', titleInline: [{ type: 'text' as const, value: 'Overview' }] } : ladder.overview;
  if (overview) chapters.push(chapter(overview, 1));
  if (ladder.trackMap) chapters.push(trackMapChapter(ladder.trackMap, width));
  for (const level of ladder.levels) chapters.push(chapter(level, 1));
  if (appendix) {
    const heading = new Paragraph({ style: STYLE.heading(1), children: [new Bookmark({ id: appendix, children: [new TextRun('Appendix: Articles')] })] });
    chapters.push([heading, ...ladder.articles.flatMap((article) => chapter(article, 2))]);
  }
  const depth = ladder.levels.length > DETAILED_CONTENTS_MAX_LEVELS ? 1 : 2;
  const logo = ladder.site.theme.logo === null ? undefined : images.get(ladder.site.theme.logo);
  const titlePage: FileChild[] = [
    // The cover shows the logo larger than the running header does, as the PDF book's cover.
    ...(logo ? [new Paragraph({ children: [imageRun(logo, { id: state.nextDrawingId(), alt: `${cleanText(ladder.site.title)} logo`, maxWidth: 240, maxHeight: 96 })] })] : []),
    new Paragraph({ style: STYLE.title, children: [new TextRun(cleanText(ladder.site.title))] }),
    ...(ladder.site.description ? [new Paragraph({ style: STYLE.subtitle, children: [new TextRun(cleanText(ladder.site.description))] })] : []),
    ...bookContents(depth),
  ];
  const document = docxDocument(ladder.site, {
    title: ladder.site.title,
    description: ladder.site.description,
    sections: [titlePage, ...chapters],
    state,
    // The contents show page numbers before any field update, from a model of Word's layout cheap
    // enough for any length of ladder; Word's "Update table" makes them exact.
    // A long book is joined from chapters (only their titles are here: no layout to take numbers from);
    // made whole, it says the same, so both ways give the same bytes.
    ...(joinsChapters(ladder) ? {} : { pageNumbers: contentsPageNumbers(documentStyles(docxTheme(ladder.site.theme), ladder.site.language), pageBox(ladder.site)) }),
  });
  return { document, state };
}


function targetKey(target: { kind: 'level' | 'article'; slug: string } | { kind: 'overview' }): string {
  return target.kind === 'overview' ? 'overview' : `${target.kind}:${target.slug}`;
}
