import { Bookmark, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import { estimatePageNumbersWith } from 'docx/layout';
import { bookContents } from './book-contents.js';
import { cleanText } from './clean-text.js';
import { docxDocument, textWidth } from './docx-document.js';
import { DocxState } from './docx-state.js';
import type { DocxArticle, DocxLadder, DocxLevel, DocxOverview } from './docx-parts.js';
import { docKey, documentBlocks, registerBookmarks } from './document-blocks.js';
import { internalLink, siteLink } from './site-links.js';
import { STYLE } from './styles.js';

/** Above this many levels the contents list levels only, not their sections. */
const DETAILED_CONTENTS_MAX_LEVELS = 25;
/** Up to this many levels the contents get page numbers from a layout estimate (see below). */
const NUMBERED_CONTENTS_MAX_LEVELS = 25;
/**
 * …and up to this much source text: the estimate lays out every line, and its cost grows faster than
 * the text (a 220 kB document with one 150 kB paragraph took minutes).
 */
const NUMBERED_CONTENTS_MAX_SOURCE_BYTES = 150_000;

/**
 * The whole ladder as one book: title page with a filled-in table of contents, the overview, every
 * level in ladder order from a new page, and the articles as an appendix. Links between them are
 * bookmarks in the book.
 */
export function ladderDocx(ladder: DocxLadder, diagnostics: Diagnostics, reported: Set<string>): Document {
  return bookDocument(ladder, diagnostics, reported, {}).document;
}

/**
 * Whether the book is joined from chapters made on their own (assemble-book.ts): when its contents
 * list chapter titles only and have no page numbers, so they need no layout of the whole book.
 */
export function joinsChapters(ladder: Pick<DocxLadder, 'levels'>): boolean {
  return ladder.levels.length > DETAILED_CONTENTS_MAX_LEVELS && ladder.levels.length > NUMBERED_CONTENTS_MAX_LEVELS;
}

export interface BookOptions {
  /** Makes a chapter's blocks (by default all of it); the joined book puts only its title and a marker. */
  readonly chapter?: (doc: DocxOverview | DocxLevel | DocxArticle, titleLevel: 1 | 2, state: DocxState, width: number) => FileChild[];
  /** Ordered-list definitions the chapters need (the joined book's chapters are made elsewhere). */
  readonly orderedStarts?: Iterable<readonly [string, { level: number; start: number }]>;
}

/** The book and its state (bookmark names, footnotes, lists). */
export function bookDocument(ladder: DocxLadder, diagnostics: Diagnostics, reported: Set<string>, options: BookOptions): { document: Document; state: DocxState } {
  const state = new DocxState((target, bookmarks) => internalLink(bookmarks.find(targetKey(target), target.fragment)) ?? siteLink(ladder.site, target), diagnostics, reported);
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
  for (const level of ladder.levels) chapters.push(chapter(level, 1));
  if (appendix) {
    const heading = new Paragraph({ style: STYLE.heading(1), children: [new Bookmark({ id: appendix, children: [new TextRun('Appendix: Articles')] })] });
    chapters.push([heading, ...ladder.articles.flatMap((article) => chapter(article, 2))]);
  }
  const depth = ladder.levels.length > DETAILED_CONTENTS_MAX_LEVELS ? 1 : 2;
  const titlePage: FileChild[] = [
    new Paragraph({ style: STYLE.title, children: [new TextRun(cleanText(ladder.site.title))] }),
    ...(ladder.site.description ? [new Paragraph({ style: STYLE.subtitle, children: [new TextRun(cleanText(ladder.site.description))] })] : []),
    ...bookContents(depth),
  ];
  const document = docxDocument(ladder.site, {
    title: ladder.site.title,
    description: ladder.site.description,
    sections: [titlePage, ...chapters],
    state,
    // Lays the pages out as Word would, so the contents show page numbers before any field update;
    // where it cannot be exact it guesses rather than leaving numbers out. It costs about a second of
    // CPU per level, so a long ladder leaves the numbers to Word's "Update table".
    ...(ladder.levels.length <= NUMBERED_CONTENTS_MAX_LEVELS && sourceBytes(ladder) <= NUMBERED_CONTENTS_MAX_SOURCE_BYTES ? { pageNumbers: estimatePageNumbersWith({ guess: true }) } : {}),
  });
  return { document, state };
}


/** How much source the book is made from, by where each body ends in its file. */
function sourceBytes(ladder: DocxLadder): number {
  const docs: readonly (DocxOverview | DocxLevel | DocxArticle)[] = [...(ladder.overview ? [ladder.overview] : []), ...ladder.levels, ...ladder.articles];
  return docs.reduce((sum, doc) => sum + (doc.body.position?.end.offset ?? 0), 0);
}

function targetKey(target: { kind: 'level' | 'article'; slug: string } | { kind: 'overview' }): string {
  return target.kind === 'overview' ? 'overview' : `${target.kind}:${target.slug}`;
}
