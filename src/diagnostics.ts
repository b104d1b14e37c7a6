/**
 * User-facing problems: a catalogue of codes with permanent names (like Astro's errors-data), and
 * diagnostics as plain data collected during a run (like vfile-message), never thrown.
 */

export type Severity = 'error' | 'warning';

/** One problem, located in a file. Paths are relative to the working directory when printed. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string | null;
}

interface CatalogueEntry {
  readonly severity: Severity;
  readonly hint: string | null;
}

/** Every diagnostic ladderpress can report. Names are permanent: tools match on them. */
export const catalogue = {
  'invalid-utf8': { severity: 'error', hint: 'Save the file as UTF-8 (most editors: "Save with encoding").' },
  'empty-file': { severity: 'error', hint: 'Write a "# Title" and some content, or delete the file.' },
  'yaml-syntax': { severity: 'error', hint: 'Front matter is YAML between two "---" lines at the top of the file.' },
  'yaml-alias-limit': { severity: 'error', hint: 'Remove the YAML aliases (*name); front matter needs none.' },
  'invalid-front-matter': { severity: 'error', hint: null },
  'unknown-track': { severity: 'warning', hint: 'Use "track: ic" or "track: management", or leave it out.' },
  'unknown-icon': { severity: 'warning', hint: 'Use an Octicons name such as person, people, organization, globe or milestone.' },
  'missing-title': { severity: 'error', hint: 'Start the body with one "# Title" heading.' },
  'multiple-titles': { severity: 'error', hint: 'Keep one "#" heading; use "##" for sections.' },
  'duplicate-slug': { severity: 'error', hint: 'Rename one of the files: each page needs its own URL.' },
  'reserved-slug': { severity: 'error', hint: 'Rename the file: this name is used by a page ladderpress generates.' },
  'output-name-collision': { severity: 'error', hint: 'Rename the file, so its outputs no longer take the name of a file another level makes (e.g. not ending in "-profile" or "-job-description").' },
  'missing-facet': { severity: 'warning', hint: null },
  'unmatched-level-header': { severity: 'warning', hint: 'Name the level as its page does (title, label or file name; short forms like "IC" or "Sr. Engineer" work), or move the column out of the table.' },
  'unresolved-link': { severity: 'warning', hint: 'Link to a level by its file name, e.g. /career-ladder/director or director.md.' },
  'missing-image': { severity: 'warning', hint: 'Put the image inside the content folder and link it relative to the document, e.g. images/team.png.' },
  'unreadable-time-share': { severity: 'warning', hint: 'Write a share of the week as a percentage or a range, like "10%" or "70–90%"; the chart shows this value as text only.' },
  'ragged-table': { severity: 'warning', hint: 'Give every row of the table as many cells as its header row.' },
  'document-timeout': { severity: 'error', hint: 'Simplify the document (very long lines, deep nesting), or raise limits.documentTimeoutMs in the config.' },
  'unsafe-link': { severity: 'warning', hint: 'Only http(s), mailto and links to other pages of the ladder are published.' },
  'unknown-level': { severity: 'warning', hint: 'Use the slug of a level (its file name without .md).' },
  'article-source': { severity: 'warning', hint: 'End the summary with a line "Source: https://…".' },
  'article-trailing-text': { severity: 'warning', hint: 'Move the text above the Source line, or delete it if it was scraped from the web page.' },
  'no-levels': { severity: 'error', hint: 'Put one Markdown file per level in <content>/levels/.' },
  'content-missing': { severity: 'error', hint: 'Pass the content folder, e.g. "ladderpress check content".' },
  'control-characters': { severity: 'warning', hint: 'Remove the invisible control characters; they were stripped from the output.' },
  'file-too-large': { severity: 'error', hint: 'Split the document, or raise limits.maxFileBytes in the config.' },
  'nesting-too-deep': { severity: 'error', hint: 'Flatten the nested lists or quotes, or raise limits.maxNesting in the config.' },
  'invalid-config': { severity: 'error', hint: 'See "Configuration" in the README for every key and its type.' },
  'missing-logo': { severity: 'warning', hint: 'Put the logo file in the content folder and give theme.logo its path relative to that folder.' },
  'table-too-large': { severity: 'error', hint: 'Split the table, or raise limits.maxTableCells in the config.' },
  'reference-docx': { severity: 'warning', hint: 'Check referenceDocx in the config: it must name a .docx saved by Word or LibreOffice.' },
  'missing-font': { severity: 'warning', hint: 'Install a font that covers the script (Debian: fonts-noto-cjk, fonts-noto-core, fonts-noto-color-emoji).' },
  'skipped-file': { severity: 'warning', hint: 'Make it a regular file directly in the folder (a link must point inside the content folder), or remove it.' },
  'unreadable-file': { severity: 'error', hint: 'Give the user running ladderpress permission to read it (e.g. chmod a+r), or remove it.' },
  'duplicate-level': { severity: 'error', hint: 'Delete one of the two files, or give them different titles, labels or orders.' },
  'same-order': { severity: 'warning', hint: 'Give each level its own "order"; levels with the same one are sorted by title.' },
  'duplicate-source': { severity: 'warning', hint: 'Two summaries of one article: delete one, or correct its Source line.' },
  'front-matter-not-first': { severity: 'error', hint: 'Front matter must start on the very first line: delete the blank lines above "---".' },
  'unclosed-code-fence': { severity: 'warning', hint: 'Close the code block with a line of the same fence (```), or everything after it is code.' },
  'changed-during-build': { severity: 'warning', hint: 'Build again once the edits are saved: out/ was published, but the next build will not take it as up to date.' },
  'text-too-long': { severity: 'error', hint: 'Shorten it, or raise the limit in the config (limits.maxLabelLength, limits.maxTitleLength).' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof catalogue;

/** Collects the problems of one run; nothing is thrown for user errors. */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  report(code: DiagnosticCode, file: string, at: { line: number; column: number } | null, message: string, hint?: string): void {
    const entry: CatalogueEntry = catalogue[code];
    this.#items.push({
      file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      severity: entry.severity,
      code,
      message,
      hint: hint ?? entry.hint,
    });
  }

  /** Takes a diagnostic found elsewhere (another thread, another run). */
  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  get all(): readonly Diagnostic[] {
    return [...this.#items].sort(compareDiagnostics);
  }

  get errorCount(): number {
    return this.#items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.#items.length - this.errorCount;
  }
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

/** `content/levels/vp.md:12:3  error  Front matter "order" must be a number  invalid-front-matter` */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

/** "2 errors, 1 warning" */
export function formatSummary(errors: number, warnings: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
