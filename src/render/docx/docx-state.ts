import type { Paragraph } from 'docx';
import type { Definition, FootnoteDefinition, Root } from 'mdast';
import type { Diagnostics } from '../../diagnostics.js';
import type { LinkTarget, PageTarget } from '../../model/types.js';
import { Bookmarks, type BookmarkNames } from './bookmarks.js';
import { cleanText } from './clean-text.js';
import type { DocxImage } from './docx-images.js';
import { orderedReference } from './numbering.js';
import { safeDecode } from '../../safe-decode.js';

/** Where a link goes in a Word document: a bookmark in it, or a URL. */
export type DocxLink = { readonly kind: 'internal'; readonly anchor: string } | { readonly kind: 'external'; readonly url: string };

type ResolvableTarget = PageTarget;

/** The content images (and logo) a document embeds, by path in the content folder; the rest show their alt text. */
export interface DocxMedia {
  readonly images: ReadonlyMap<string, DocxImage>;
  /** The text width in pixels: wider images are scaled down to it. */
  readonly maxWidth: number;
}

/** State of one Word document being built: footnotes, lists, bookmarks, links. */
export class DocxState {
  readonly bookmarks: BookmarkNames;
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** Ordered-list definitions with a start other than 1, by reference. */
  readonly orderedStarts = new Map<string, { level: number; start: number }>();
  #nextFootnote = 1;
  #nextList = 1;
  #nextDrawing = 1;

  constructor(
    readonly resolveTarget: (target: ResolvableTarget, bookmarks: BookmarkNames) => DocxLink | null,
    readonly diagnostics: Diagnostics,
    /** Control-character warnings already reported in this document (the build deduplicates across documents). */
    readonly reported: Set<string>,
    readonly media: DocxMedia = { images: new Map(), maxWidth: 0 },
    /** Names for headings and document starts: real ones, or stand-ins a book chapter is rendered with (book-chapter.ts). */
    bookmarks: BookmarkNames = new Bookmarks(),
  ) {
    this.bookmarks = bookmarks;
  }

  /** A drawing id unique in this document, the same on every build. */
  nextDrawingId(): number {
    return this.#nextDrawing++;
  }

  addFootnote(children: Paragraph[]): number {
    const id = this.#nextFootnote++;
    this.footnotes[id] = { children };
    return id;
  }

  /** A new list instance, so numbering restarts; registers the definition a start needs. */
  orderedList(level: number, start: number): { reference: string; instance: number } {
    const reference = orderedReference(level, start);
    if (start !== 1) this.orderedStarts.set(reference, { level, start });
    return { reference, instance: this.#nextList++ };
  }
}

/** One body being rendered into a document: its file, definitions and heading levels. */
export class BodyScope {
  readonly definitions = new Map<string, Definition>();
  readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  readonly referencedFootnotes = new Set<string>();

  constructor(
    readonly state: DocxState,
    /** Source file, for diagnostics. */
    readonly file: string,
    /** Key of this body's document in the bookmarks ("level:vp"). */
    readonly doc: string,
    /** Word heading level = Markdown depth + shift (## is Heading 1 in a level's own document). */
    readonly headingShift: number,
    body: Root,
  ) {
    collectDefinitions(body, this);
  }

  /** The bookmark of one of this body's headings. */
  headingAnchor(id: string | undefined): string | null {
    return id === undefined ? null : this.state.bookmarks.find(this.doc, id);
  }

  /** Text safe for XML; stripped characters are reported once per source position. */
  text(value: string, at: { line: number; column: number } | undefined): string {
    return cleanText(value, () => {
      const key = positionKey(this.file, at?.line ?? 1, at?.column ?? 1);
      if (this.state.reported.has(key)) return;
      this.state.reported.add(key);
      this.state.diagnostics.report('control-characters', this.file, at ?? null, 'Control characters were stripped from the Word document');
    });
  }

  /** Where a link goes: model targets through the document's resolver, plain URLs if safe. */
  link(url: string, target: LinkTarget | undefined): DocxLink | null {
    if (target) return target.kind === 'unresolved' || target.kind === 'unsafe' || target.kind === 'asset' ? null : this.state.resolveTarget(target, this.state.bookmarks);
    return safeUrl(url, (fragment) => this.headingAnchor(fragment));
  }
}

/** What `reported` holds: a level is rendered in its own file and in the book, but warned about once. */
export function positionKey(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

const SAFE_SCHEME = /^(https?|mailto|tel):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Only http(s), mailto and tel URLs, and relative ones, become hyperlinks; "#id" goes to the
 * heading's bookmark. Whitespace and controls are removed first, as browsers do, so
 * "java\nscript:" cannot slip through.
 */
export function safeUrl(url: string, anchor: (fragment: string) => string | null): DocxLink | null {
  const compact = url.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '');
  if (compact === '') return null;
  if (compact.startsWith('#')) {
    const name = anchor(safeDecode(compact.slice(1)));
    return name ? { kind: 'internal', anchor: name } : null;
  }
  if (SAFE_SCHEME.test(compact)) return { kind: 'external', url: compact };
  if (ANY_SCHEME.test(compact) || compact.startsWith('//') || compact.startsWith('\\')) return null;
  return { kind: 'external', url: compact };
}

function collectDefinitions(node: { type: string; children?: unknown }, scope: BodyScope): void {
  if (node.type === 'definition') {
    const definition = node as Definition;
    if (!scope.definitions.has(definition.identifier)) scope.definitions.set(definition.identifier, definition);
  } else if (node.type === 'footnoteDefinition') {
    const definition = node as FootnoteDefinition;
    if (!scope.footnoteDefinitions.has(definition.identifier)) scope.footnoteDefinitions.set(definition.identifier, definition);
  }
  if (Array.isArray(node.children)) for (const child of node.children as { type: string }[]) collectDefinitions(child, scope);
}
