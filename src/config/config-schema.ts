import { z } from 'zod';
import { FORMAT_NAMES } from '../formats.js';
import { jobDescriptionOptions } from '../render/job-description/job-description-options.js';
import { bookOptions } from '../render/pdf/book-options.js';
import type { Same } from '../same-type.js';
import type { ResolvedConfig, UserConfig } from './config-types.js';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f4e79"');
const format = z.enum(FORMAT_NAMES);

/** Validates a config file and fills in its defaults. What each key means is documented on UserConfig (config-types.ts). */
export const configSchema = z.strictObject({
  site: z
    .strictObject({
      title: z.string().min(1).nullable().default(null),
      description: z.string().nullable().default(null),
      url: z.url({ protocol: /^https?$/ }).nullable().default(null),
      language: z.string().min(2).default('en'),
      author: z.string().nullable().default(null),
      subject: z.string().default('Engineering career ladder'),
      keywords: z.array(z.string()).default(['career ladder', 'engineering', 'levels']),
    })
    .prefault({}),
  base: z
    .string()
    .regex(/^\/(?:[^/?#\s]+\/)*$/, 'must start and end with "/", like "/" or "/careers/ladder/"')
    .default('/'),
  content: z.string().min(1).default('content'),
  out: z.string().min(1).default('out'),
  formats: z.array(format).min(1).default(FORMAT_NAMES),
  paper: z.enum(['A4', 'Letter']).default('A4'),
  theme: z
    .strictObject({
      fontBody: z.string().default('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'),
      fontHeading: z.string().default('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'),
      fontMono: z.string().default('"JetBrains Mono", "DejaVu Sans Mono", Consolas, monospace'),
      colorPrimary: colour.default('#1f4e79'),
      colorAccent: colour.default('#c2410c'),
      colorText: colour.default('#1f2328'),
      logo: z.string().nullable().default(null),
    })
    .prefault({}),
  referenceDocx: z.string().nullable().default(null),
  jobDescription: jobDescriptionOptions,
  book: bookOptions,
  articleLevels: z.record(z.string(), z.array(z.string())).default({}),
  competencies: z.record(z.string(), z.array(z.string())).default({}),
  date: z.iso.datetime({ offset: true }).or(z.iso.date()).nullable().default(null),
  browser: z.strictObject({ executablePath: z.string().nullable().default(null) }).prefault({}),
  limits: z
    .strictObject({
      maxFileBytes: z.number().int().positive().default(1_000_000),
      maxNesting: z.number().int().positive().default(32),
      maxTableCells: z.number().int().positive().default(5_000),
      documentTimeoutMs: z.number().int().positive().default(60_000),
      maxLabelLength: z.number().int().positive().default(100),
      maxTitleLength: z.number().int().positive().default(200),
    })
    .prefault({}),
});

// The types the package declares (config-types.ts) are this schema's: whatever UserConfig allows the
// schema's input type takes, and filling in the defaults gives exactly the schema's output.
true satisfies UserConfig extends z.input<typeof configSchema> ? true : false;
true satisfies Same<ResolvedConfig, z.output<typeof configSchema>>;
