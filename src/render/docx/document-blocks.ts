import { Bookmark, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Root } from 'mdast';
import { BodyScope, type DocxState } from './docx-state.js';
import type { DocxArticle, DocxLevel, DocxOverview } from './docx-parts.js';
import { inlines, type InlineContext } from './inline-handlers.js';
import { typesetQuotes } from '../typeset.js';
import { mdastToDocx } from './mdast-to-docx.js';
import { STYLE } from './styles.js';

type Doc = DocxLevel | DocxArticle | DocxOverview;

/** The bookmark key of a document ("level:vp", "article:x", "overview"). */
export function docKey(doc: Doc): string {
  return doc.kind === 'overview' ? 'overview' : `${doc.kind}:${doc.slug}`;
}

/** Registers the bookmarks of a document's title and headings, before anything links to them. */
export function registerBookmarks(state: DocxState, doc: Doc, prefix: string): void {
  state.bookmarks.add(docKey(doc), null, prefix ? `${prefix}_${doc.slug}` : doc.slug);
  for (const heading of doc.headings) state.bookmarks.add(docKey(doc), heading.id, prefix ? `${prefix}_${doc.slug}_${heading.id}` : heading.id);
}

export interface DocumentBlocksOptions {
  /** "title": the document's own file (Title style, ## = Heading 1); "heading": a chapter of the book (Heading 1, ## = Heading 2). */
  readonly as: 'title' | 'heading';
  readonly textWidth: number;
  /** Word heading level of the document's title when `as` is "heading". */
  readonly titleLevel?: number;
  /** Blocks shown under the title and subtitle, before the body (the level's scope from the overview). */
  readonly lead?: Root | null;
  /** Blocks after the body (what the overview fills, what changes from the level below). */
  readonly after?: Root | null;
}

/** Title block (title, label and core question) and body of a level, article or overview. */
export function documentBlocks(doc: Doc, state: DocxState, options: DocumentBlocksOptions): FileChild[] {
  const titleLevel = options.as === 'title' ? 0 : (options.titleLevel ?? 1);
  const body = typesetQuotes(doc.body);
  const scope = new BodyScope(state, doc.file, docKey(doc), titleLevel - 1, body);
  const context: InlineContext = { scope, marks: {}, footnote: () => null };
  const out: FileChild[] = [titleOf(doc, context, options.as, titleLevel)];
  const subtitle = subtitleOf(doc, context);
  if (subtitle.length > 0) out.push(new Paragraph({ style: STYLE.subtitle, children: subtitle }));
  if (options.lead) {
    const lead = typesetQuotes(options.lead);
    out.push(...mdastToDocx(lead, new BodyScope(state, doc.file, docKey(doc), titleLevel - 1, lead), options.textWidth));
  }
  out.push(...mdastToDocx(body, scope, options.textWidth));
  if (options.after) {
    const after = typesetQuotes(options.after);
    out.push(...mdastToDocx(after, new BodyScope(state, doc.file, docKey(doc), titleLevel - 1, after), options.textWidth));
  }
  return out;
}

/** The title paragraph alone, as `documentBlocks` starts (the book's outline is made of these, see assemble-book.ts). */
export function titleParagraph(doc: Doc, state: DocxState, options: Pick<DocumentBlocksOptions, 'as' | 'titleLevel'>): Paragraph {
  const titleLevel = options.as === 'title' ? 0 : (options.titleLevel ?? 1);
  const body = typesetQuotes(doc.body);
  const scope = new BodyScope(state, doc.file, docKey(doc), titleLevel - 1, body);
  return titleOf(doc, { scope, marks: {}, footnote: () => null }, options.as, titleLevel);
}

function titleOf(doc: Doc, context: InlineContext, as: DocumentBlocksOptions['as'], titleLevel: number): Paragraph {
  const anchor = context.scope.state.bookmarks.find(docKey(doc), null);
  const title = inlines(typesetQuotes({ type: 'paragraph', children: [...doc.titleInline] }).children, context);
  return new Paragraph({
    style: as === 'title' ? STYLE.title : STYLE.heading(titleLevel),
    children: anchor ? [new Bookmark({ id: anchor, children: title })] : title,
  });
}

/** Level: "Label — core question"; article: where it comes from; overview: nothing. */
function subtitleOf(doc: Doc, context: InlineContext): ParagraphChild[] {
  if (doc.kind === 'level') {
    const question = doc.facets.coreQuestion;
    const label = context.scope.text(doc.label, undefined);
    if (!question) return label === doc.title ? [] : [new TextRun(label)];
    return [new TextRun(`${label} — `), ...inlines(question.children, context)];
  }
  return [];
}
