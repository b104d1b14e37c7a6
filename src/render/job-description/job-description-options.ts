import { z } from 'zod';

/** The config's `jobDescription` (documented on UserConfig): paragraphs a recruiter adds to every posting. */
export const jobDescriptionOptions = z
  .strictObject({
    company: z.string().min(1).nullable().default(null),
    payRange: z.string().min(1).nullable().default(null),
    equalOpportunity: z.string().min(1).nullable().default(null),
  })
  .prefault({});

export type JobDescriptionOptions = z.output<typeof jobDescriptionOptions>;
