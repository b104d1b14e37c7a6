import type { FormatName } from '../format-names.js';

/**
 * What a config file may contain (`ladderpress.config.ts` through `defineConfig`, or
 * `ladderpress.config.json`). Every key is optional: the defaults serve a ladder without any config.
 * Written out for the package's types and checked against the schema that validates it
 * (config-schema.ts), so the API's declarations need no schema library.
 */
export interface UserConfig {
  site?: {
    /** Default: the overview's title, else "Engineering Career Ladder". */
    title?: string | null;
    /** The tagline (meta description, book cover). Default: the overview's first sentences, else a generic line. */
    description?: string | null;
    /** Where the site is published (http or https), for canonical links and the sitemap. */
    url?: string | null;
    /** Default: "en". */
    language?: string;
    /** Document author. Default: the site title. */
    author?: string | null;
    /** Default: "Engineering career ladder". */
    subject?: string;
    keywords?: string[];
  };
  /**
   * Sub-path the site is hosted under, e.g. "/careers/ladder/". Pages link relatively, so they work
   * under any path; `ladderpress dev` serves the site under this one so a sub-path host can be tried.
   */
  base?: string;
  /** Default: "content". */
  content?: string;
  /** Default: "out". */
  out?: string;
  /** Default: every format. */
  formats?: FormatName[];
  /** Default: "A4". */
  paper?: 'A4' | 'Letter';
  theme?: {
    /** CSS font stacks: the reader's own UI font first, so the site looks as designed everywhere. Word documents use the stack's first font that ships with Office, else Calibri. */
    fontBody?: string;
    fontHeading?: string;
    fontMono?: string;
    /** Colours like "#1f4e79". */
    colorPrimary?: string;
    colorAccent?: string;
    colorText?: string;
    /** An image in the content folder. */
    logo?: string | null;
  };
  /** A .docx whose styles replace ours, like Pandoc's --reference-doc. */
  referenceDocx?: string | null;
  /** Paragraphs for every job description; each left out when unset. */
  jobDescription?: {
    /** "About us": a paragraph about the company. */
    company?: string | null;
    /** e.g. "€90,000–€110,000 a year, depending on experience". */
    payRange?: string | null;
    equalOpportunity?: string | null;
  };
  /** How the ladder book PDF is printed. */
  book?: {
    /**
     * From this many chapters (levels, the overview, the articles' appendix) the book is printed in
     * parts, one per chapter, and joined: an edit then lays out one chapter again, not the book, and
     * pages are numbered per chapter ("3-2"). Smaller books are laid out as one document, with pages
     * numbered through and the contents listing them. Default: 40.
     */
    printInPartsFrom?: number;
  };
  /** Article slug → related level slugs, overriding detection. */
  articleLevels?: Record<string, string[]>;
  /** Competency row name → the skill categories / responsibility groups aligned into it (case and punctuation ignored). */
  competencies?: Record<string, string[]>;
  /** ISO date stamped into documents. Default: SOURCE_DATE_EPOCH, else the content's last git commit (or newest file), by day. */
  date?: string | null;
  browser?: {
    /** The Chromium or Chrome to print PDFs with. Default: found on the machine. */
    executablePath?: string | null;
  };
  /** What one input may hold before it is refused or cut short. */
  limits?: {
    maxFileBytes?: number;
    maxNesting?: number;
    maxTableCells?: number;
    documentTimeoutMs?: number;
    maxLabelLength?: number;
    maxTitleLength?: number;
  };
}

/** Every key filled in, recursively (arrays and records stay as they are). */
type Filled<T> = {
  [K in keyof T]-?: Exclude<T[K], undefined> extends infer V ? (V extends readonly unknown[] ? V : V extends object ? Filled<V> : V) : never;
};

/** The config with every default filled in. */
export type ResolvedConfig = Filled<UserConfig>;
