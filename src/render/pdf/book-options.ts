import { z } from 'zod';

/** The config's `book` key: how the ladder book PDF is printed. */
export const bookOptions = z
  .strictObject({
    /**
     * From this many chapters (levels, the overview, the articles' appendix) the book is printed in
     * parts, one per chapter, and joined: an edit then lays out one chapter again, not the book, and
     * pages are numbered per chapter ("3-2"). Smaller books are laid out as one document, with pages
     * numbered through and the contents listing them.
     */
    printInPartsFrom: z.number().int().positive().default(40),
  })
  .prefault({});

export type BookOptions = z.output<typeof bookOptions>;
