import type { SizeResult } from './run.js';
import type { Summary } from './stats.js';

/** A ladderpress row compared with a reference (a peer, a floor or another ladderpress row). */
export interface Comparison {
  readonly subject: string;
  /** Reference scenario ids; several are summed (Pandoc HTML + Pandoc DOCX). */
  readonly reference: readonly string[];
  readonly label: string;
  /** The target: ladderpress time ÷ reference time must be at most this. */
  readonly maxRatio?: number;
  /** The corpus size the target applies to; other sizes are shown for information. */
  readonly at?: number;
  /**
   * Compare time per printed page instead of total time: ladderpress prints a handout and a
   * one-page profile per level plus the whole-ladder book (about as long as all handouts together),
   * where md-to-pdf and the floor print one PDF per document.
   */
  readonly perPage?: boolean;
}

/** The targets of issue 16 (earlier issues' where it kept them), each at the size it names. */
export const COMPARISONS: readonly Comparison[] = [
  { subject: 'lp-version', reference: ['floor-node'], label: '`ladderpress --version` vs `node -e 0`', maxRatio: 3, at: 5 },
  { subject: 'lp-html-docx', reference: ['pandoc-html-p1', 'pandoc-docx-p1'], label: 'HTML + DOCX vs Pandoc, one process per file', maxRatio: 1 / 2, at: 5 },
  // "≤ 2× the PDF floor for the same PDFs": the floor printing ladderpress's own print HTML of a full build.
  { subject: 'lp-cold', reference: ['floor-pdf-same'], label: 'every format vs PDF floor of the same PDFs (2 pages at a time)', maxRatio: 2, at: 5 },
  // The earlier reference: the source documents as plain HTML, one PDF each (fewer, simpler pages).
  { subject: 'lp-cold', reference: ['floor-pdf-2'], label: 'every format vs PDF floor of the source documents (2 pages at a time)' },
  { subject: 'lp-html-docx', reference: ['pandoc-html-p1', 'pandoc-docx-p1'], label: 'HTML + DOCX vs Pandoc, one process per file', maxRatio: 1 / 5, at: 500 },
  { subject: 'lp-html-docx', reference: ['pandoc-html-p2', 'pandoc-docx-p2'], label: 'HTML + DOCX vs Pandoc, 2 processes', maxRatio: 1 / 2.5, at: 500 },
  { subject: 'lp-html-docx', reference: ['floor-parse'], label: 'HTML + DOCX vs read+parse floor', maxRatio: 1.5, at: 500 },
  { subject: 'lp-html', reference: ['pandoc-html-p1'], label: 'HTML vs Pandoc HTML, one process per file' },
  { subject: 'lp-html', reference: ['pandoc-html-p2'], label: 'HTML vs Pandoc HTML, 2 processes' },
  { subject: 'lp-html', reference: ['eleventy'], label: 'HTML vs Eleventy (cold)' },
  { subject: 'lp-docx', reference: ['pandoc-docx-p1'], label: 'DOCX vs Pandoc DOCX, one process per file' },
  { subject: 'lp-docx', reference: ['pandoc-docx-p2'], label: 'DOCX vs Pandoc DOCX, 2 processes' },
  { subject: 'lp-model', reference: ['floor-parse'], label: 'read+model vs read+parse floor' },
  { subject: 'lp-pdf', reference: ['md-to-pdf'], label: 'PDF vs md-to-pdf', maxRatio: 1 / 2, at: 50 },
  { subject: 'lp-pdf', reference: ['floor-pdf-2'], label: 'PDF vs PDF floor (2 pages at a time)', maxRatio: 1.25, at: 500 },
  { subject: 'lp-pdf', reference: ['floor-pdf-1'], label: 'PDF vs PDF floor (1 page at a time)' },
  { subject: 'lp-pdf', reference: ['md-to-pdf'], label: 'PDF vs md-to-pdf, per printed page', perPage: true },
  { subject: 'lp-pdf', reference: ['floor-pdf-2'], label: 'PDF vs PDF floor (2 pages at a time), per printed page', perPage: true },
  { subject: 'lp-nochange', reference: ['lp-cold'], label: 'no-change rebuild vs cold build', maxRatio: 0.05, at: 500 },
  { subject: 'lp-nochange', reference: ['eleventy'], label: 'no-change rebuild vs Eleventy cold build', maxRatio: 1, at: 500 },
  { subject: 'lp-edit', reference: ['lp-cold'], label: 'one-file-edit rebuild vs cold build', maxRatio: 0.15, at: 500 },
];

export interface Ratio {
  readonly comparison: Comparison;
  /** ladderpress ÷ reference; null when either side has no successful run. */
  readonly ratio: number | null;
  /** The comparison has a target at this size. */
  readonly applies: boolean;
  /** Null where it has none, or where a side failed every run: a peer's failure meets no target. */
  readonly met: boolean | null;
  /** Why there is no ratio, when there is none. */
  readonly missing: string | null;
}

export function ratios(size: SizeResult): Ratio[] {
  const byId = new Map(size.scenarios.map((scenario) => [scenario.id, scenario.summary]));
  return COMPARISONS.flatMap((comparison) => {
    const subject = byId.get(comparison.subject);
    const references = comparison.reference.map((id) => byId.get(id));
    if (!subject || references.some((ref) => !ref)) return [];
    const refTime = sum(references.map((ref) => ref?.medianMs ?? null));
    const pagesOf = (id: string): number | null => size.scenarios.find((scenario) => scenario.id === id)?.pages ?? null;
    const subjectPages = pagesOf(comparison.subject);
    const referencePages = comparison.reference.length === 1 ? pagesOf(comparison.reference[0] ?? '') : null;
    if (comparison.perPage && (!subjectPages || !referencePages)) return [];
    const scale = comparison.perPage && subjectPages && referencePages ? referencePages / subjectPages : 1;
    const ratio = subject.medianMs !== null && refTime !== null && refTime > 0 ? (subject.medianMs / refTime) * scale : null;
    const applies = comparison.maxRatio !== undefined && (comparison.at === undefined || comparison.at === size.n);
    const met = !applies || ratio === null ? null : ratio <= (comparison.maxRatio ?? Infinity);
    const failed = [subject.ok === 0 ? comparison.subject : null, ...references.map((ref, i) => (ref?.ok === 0 ? comparison.reference[i] : null))].filter(Boolean);
    const missing = ratio === null ? `no successful run of ${failed.join(', ')}` : null;
    return [{ comparison, ratio, applies, met, missing }];
  });
}

function sum(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/** Peak RSS and the "works where md-to-pdf fails" targets. */
export function otherTargets(size: SizeResult): { label: string; measured: string; met: boolean | null }[] {
  const get = (id: string): Summary | undefined => size.scenarios.find((scenario) => scenario.id === id)?.summary;
  const rows: { label: string; measured: string; met: boolean | null }[] = [];
  const lpRss = Math.max(0, ...size.scenarios.filter((s) => s.group === 'ladderpress').map((s) => s.summary.nodeRssKb ?? 0));
  if (lpRss > 0) {
    const mb = lpRss / 1024;
    rows.push({ label: 'peak RSS of the ladderpress Node process ≤ 600 MB', measured: `${mb.toFixed(0)} MB`, met: size.n === 500 ? mb <= 600 : null });
  }
  const pdf = get('lp-pdf');
  const md = get('md-to-pdf');
  if (pdf && md && size.n === 500) {
    rows.push({ label: 'PDF works where md-to-pdf fails', measured: `ladderpress ${pdf.ok}/${pdf.runs} runs ok, md-to-pdf ${md.ok}/${md.runs}`, met: pdf.ok === pdf.runs && pdf.runs > 0 });
  }
  return rows;
}
