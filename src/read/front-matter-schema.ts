import { z } from 'zod';

/**
 * Front matter of a role document, in Retype's vocabulary. Unknown keys are kept (Retype has many
 * we do not use); known keys with the wrong type are errors.
 */
export const levelFrontMatterSchema = z.looseObject({
  title: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  order: z.number().finite().optional(),
  icon: z.string().min(1).optional(),
  expanded: z.boolean().optional(),
  breadcrumb: z.boolean().optional(),
  /** ic or management (loosely written); an unknown name is a warning, not an error. */
  track: z.string().min(1).optional(),
});

/** Front matter of the overview page (Retype's index.md). */
export const overviewFrontMatterSchema = levelFrontMatterSchema;

/** Optional front matter of an article summary: the plain-text format has none, but it may be added. */
export const articleFrontMatterSchema = z.looseObject({
  title: z.string().min(1).optional(),
  levels: z.array(z.string().min(1)).optional(),
  source: z.url({ protocol: /^https?$/ }).optional(),
});

export type LevelFrontMatter = z.infer<typeof levelFrontMatterSchema>;
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
