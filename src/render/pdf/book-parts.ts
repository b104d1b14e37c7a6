import { cssString, type BookView } from './book-view.js';
import type { PageLabel } from './join-pdfs.js';

/** One part of a book printed in parts: its view (the book's, with the other sections left out) and how its pages are numbered. */
export interface BookPart {
  readonly view: BookView;
  readonly label: PageLabel;
}

/**
 * The book in parts: the front matter (cover, contents, track map), the overview, each level, the
 * articles' appendix. Each part's pages are numbered on their own behind its chapter number ("3-2"),
 * the front matter's in roman numerals, so a part's pages never change when another part grows:
 * an edit prints one part again. Each part's running header names its chapter.
 */
export function bookParts(view: BookView): BookPart[] {
  const empty: BookView = { ...view, cover: null, contents: [], overview: null, levels: [], articles: [], trackMap: null };
  const part = (sections: Partial<BookView>, label: PageLabel, runningTitle: string | null): BookPart => ({
    view: { ...empty, ...sections, doc: { ...view.doc, rootStyle: rootStyle(view.doc.rootStyle, label, runningTitle) } },
    label,
  });
  const entry = (anchor: string): { readonly number: string; readonly title: string } => view.contents.find((candidate) => candidate.anchor === anchor) ?? { number: '', title: '' };
  return [
    part({ cover: view.cover, contents: view.contents, trackMap: view.trackMap }, { style: 'lower-roman', prefix: '' }, null),
    ...(view.overview ? [part({ overview: view.overview }, { style: 'decimal', prefix: 'O-' }, view.overview.title)] : []),
    ...view.levels.map((level) => {
      const { number, title } = entry(level.titleBlock.anchor);
      return part({ levels: [level] }, { style: 'decimal', prefix: `${number}-` }, title);
    }),
    ...(view.articles.length > 0 ? [part({ articles: view.articles }, { style: 'decimal', prefix: `${entry(view.appendixAnchor).number}-` }, entry(view.appendixAnchor).title)] : []),
  ];
}

/**
 * The book's root style with the part's page numbers and running title, which override the book's
 * (later declarations win). A chapter's first page shows its number too; the cover (the front
 * matter's first page, the one part without a running title) shows none.
 */
function rootStyle(bookStyle: string, label: PageLabel, runningTitle: string | null): string {
  const page = `"Page " ${cssString(label.prefix)} counter(page${label.style === 'lower-roman' ? ', lower-roman' : ''})`;
  return `${bookStyle}; --running-page: ${page}${runningTitle === null ? '' : `; --running-first-page: ${page}; --running-title: ${cssString(runningTitle)}`}`;
}
