import type { BookmarkNames } from './bookmarks.js';

/**
 * Bookmark names for a book chapter rendered on its own: the real names depend on every document of
 * the book (they are handed out in book order, a clash getting "_2"), so the chapter gets a stand-in
 * per (document, fragment), and the book resolves each when it joins its chapters (assemble-book.ts).
 * A stand-in is letters and digits only, so it passes through docx and XML escaping unchanged.
 */
export class StandInBookmarks implements BookmarkNames {
  /** `has(doc)`: the document is in the book (the overview may not be). */
  constructor(private readonly has: (doc: string) => boolean) {}

  add(doc: string, fragment: string | null): string {
    return standIn(doc, fragment);
  }

  find(doc: string, fragment: string | null): string | null {
    return this.has(doc) ? standIn(doc, fragment) : null;
  }
}

const STAND_IN = /LPBM([0-9a-f]+)MBPL/g;

function standIn(doc: string, fragment: string | null): string {
  return `LPBM${Buffer.from(JSON.stringify([doc, fragment]), 'utf8').toString('hex')}MBPL`;
}

/** Replaces every stand-in in `xml` by the name `find` gives its (document, fragment); `known` keeps the names found, across calls. */
export function resolveStandIns(xml: string, find: (doc: string, fragment: string | null) => string | null, known: Map<string, string> = new Map()): string {
  return xml.replace(STAND_IN, (whole, hex: string) => {
    let name = known.get(hex);
    if (name === undefined) {
      const [doc, fragment] = JSON.parse(Buffer.from(hex, 'hex').toString('utf8')) as [string, string | null];
      name = find(doc, fragment) ?? whole;
      known.set(hex, name);
    }
    return name;
  });
}
