import { z } from 'zod';

/** The config's `jobDescription`: paragraphs a recruiter adds to every posting; each left out when unset. */
export const jobDescriptionOptions = z
  .strictObject({
    /** "About us": a paragraph about the company. */
    company: z.string().min(1).nullable().default(null),
    /** e.g. "€90,000–€110,000 a year, depending on experience". */
    payRange: z.string().min(1).nullable().default(null),
    equalOpportunity: z.string().min(1).nullable().default(null),
  })
  .prefault({});

export type JobDescriptionOptions = z.output<typeof jobDescriptionOptions>;
