import { z } from 'zod';

/** The config's `book` key (documented on UserConfig): how the ladder book PDF is printed. */
export const bookOptions = z
  .strictObject({
    printInPartsFrom: z.number().int().positive().default(40),
  })
  .prefault({});

export type BookOptions = z.output<typeof bookOptions>;
