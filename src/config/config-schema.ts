import { z } from 'zod';
import { FORMAT_NAMES } from '../formats.js';
import { jobDescriptionOptions } from '../render/job-description/job-description-options.js';
import { bookOptions } from '../render/pdf/book-options.js';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f4e79"');
const format = z.enum(FORMAT_NAMES);

/** The config file's shape. Every key is optional: the defaults serve a ladder without any config. */
export const configSchema = z.strictObject({
  site: z
    .strictObject({
      /** Default: the overview's title, else "Engineering Career Ladder". */
      title: z.string().min(1).nullable().default(null),
      /** The tagline (meta description, book cover). Default: the overview's first sentences, else a generic line. */
      description: z.string().nullable().default(null),
      url: z.url({ protocol: /^https?$/ }).nullable().default(null),
      language: z.string().min(2).default('en'),
      /** Document author. Default: the site title. */
      author: z.string().nullable().default(null),
      subject: z.string().default('Engineering career ladder'),
      keywords: z.array(z.string()).default(['career ladder', 'engineering', 'levels']),
    })
    .prefault({}),
  /**
   * Sub-path the site is hosted under, e.g. "/careers/ladder/". Pages link relatively, so they work
   * under any path; `ladderpress dev` serves the site under this one so a sub-path host can be tried.
   */
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
      /** CSS font stacks: the reader's own UI font first, so the site looks as designed everywhere. Word documents use the stack's first font that ships with Office, else Calibri. */
      fontBody: z.string().default('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'),
      fontHeading: z.string().default('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'),
      fontMono: z.string().default('"JetBrains Mono", "DejaVu Sans Mono", Consolas, monospace'),
      colorPrimary: colour.default('#1f4e79'),
      colorAccent: colour.default('#c2410c'),
      colorText: colour.default('#1f2328'),
      logo: z.string().nullable().default(null),
    })
    .prefault({}),
  /** A .docx whose styles replace ours, like Pandoc's --reference-doc. */
  referenceDocx: z.string().nullable().default(null),
  /** Paragraphs for every job description: company, pay range, equal-opportunity statement. */
  jobDescription: jobDescriptionOptions,
  /** The ladder book PDF: from how many chapters it is printed in parts and joined. */
  book: bookOptions,
  /** Article slug → related level slugs, overriding detection. */
  articleLevels: z.record(z.string(), z.array(z.string())).default({}),
  /** Competency row name → the skill categories / responsibility groups aligned into it (case and punctuation ignored). */
  competencies: z.record(z.string(), z.array(z.string())).default({}),
  /** ISO date stamped into documents. Default: SOURCE_DATE_EPOCH, else the content's last git commit (or newest file), by day. */
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

/** What a config file may contain. */
export type UserConfig = z.input<typeof configSchema>;
/** The config with every default filled in. */
export type ResolvedConfig = z.output<typeof configSchema>;
