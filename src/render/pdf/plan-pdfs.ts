import path from 'node:path';
import { displayDate } from '../display-date.js';
import type { Ladder, Level } from '../../model/types.js';
import { partKeyOf } from '../part-keys.js';
import type { RenderContext, RenderJob } from '../render-context.js';
import { bookOptions } from './book-options.js';
import { bookParts } from './book-parts.js';
import { BOOK_RUNNING_TITLE, bookView } from './book-view.js';
import { checkFonts } from './check-fonts.js';
import type { PdfMetadata } from './fix-pdf-metadata.js';
import type { PageLabel } from './join-pdfs.js';
import { levelView } from './level-view.js';
import { packedText } from './packed-text.js';
import { PDF_FILES } from './pdf-files.js';
import { bookSetup, handoutSetup, profileSetup, type PageSetup } from './paper.js';
import { bodyHasts } from './print-body.js';
import { loadPrintTemplates, type PrintTemplates } from './print-templates.js';
import { profileView } from './profile-view.js';

/** A PDF to print: self-contained print HTML (CSS and images inlined, so `key` covers them), unpacked on each read. */
export interface PdfJob extends RenderJob {
  readonly html: string;
  readonly title: string;
  readonly setup: PageSetup;
  /** Chromium's running header and footer (empty when the setup shows none). */
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  /** Shorten the content, by its `data-drop` ranks, until it fits one page. */
  readonly fitOnePage: boolean;
  /** Print twice, filling the contents' page numbers from the first print (the book). */
  readonly numberContents: boolean;
  /** How many documents it holds (the book: all of them): scales its time limit and schedules it first. */
  readonly weight: number;
  readonly metadata: PdfMetadata;
  /** A large book is printed in these parts and joined; empty: printed from `html` as one document. */
  readonly parts: readonly { readonly job: PdfJob; readonly label: PageLabel }[];
  /** A part of a book: its links to anchors in other parts are kept for the join. */
  readonly linksOutside: boolean;
}

/** model → the PDFs to print: per level `<slug>.pdf` and `<slug>-profile.pdf`, and `ladder.pdf`. Cheap: no browser. */
export async function planPdfs(ladder: Ladder, context: RenderContext): Promise<PdfJob[]> {
  const logo = ladder.site.theme.logo;
  const templates = await loadPrintTemplates(context.templatesDir, logo === null ? null : path.resolve(context.contentDir, logo));
  await checkFonts(ladder, context.diagnostics);
  const hasts = bodyHasts();
  const jobs: PdfJob[] = [];
  ladder.levels.forEach((level, index) => {
    jobs.push(makeJob(context, templates, ladder, {
      path: PDF_FILES.handout.path(level.slug),
      title: level.title,
      html: templates.render('level', levelView(ladder, level, index, templates, context.contentDir, hasts)),
      running: level.title,
      setup: handoutSetup(ladder.site.paper),
      fitOnePage: false,
      level,
      weight: 1,
    }));
    jobs.push(makeJob(context, templates, ladder, {
      path: PDF_FILES.profile.path(level.slug),
      title: `${level.title} — role profile`,
      html: templates.render('profile', profileView(ladder, level, index, templates)),
      running: level.title,
      setup: profileSetup(ladder.site.paper),
      fitOnePage: true,
      level,
      weight: 1,
    }));
  });
  const book = bookView(ladder, templates, context.contentDir, hasts);
  const spec = { path: PDF_FILES.book.path, title: ladder.site.title, running: BOOK_RUNNING_TITLE, setup: bookSetup(ladder.site.paper), fitOnePage: false, level: null };
  const chapters = book.contents.length;
  if (chapters < bookOptions.parse(context.config['book'] ?? {}).printInPartsFrom) {
    jobs.push(makeJob(context, templates, ladder, { ...spec, html: templates.render('book', book), numberContents: true, weight: ladder.levels.length + ladder.articles.length + (ladder.overview ? 1 : 0) }));
  } else {
    const parts = bookParts(book).map(({ view, label }) => ({ job: makeJob(context, templates, ladder, { ...spec, html: templates.render('book', view), weight: 1, linksOutside: true }), label }));
    jobs.push(partedJob(context, makeJob(context, templates, ladder, { ...spec, html: '', weight: chapters }), parts));
  }
  return jobs;
}

/** A document printed as `parts` and joined: its key is theirs, so an edit to one part changes it. */
function partedJob(context: RenderContext, whole: PdfJob, parts: PdfJob['parts']): PdfJob {
  const key = partKeyOf(JSON.stringify({ tool: context.toolVersion, metadata: whole.metadata, parts: parts.map(({ job, label }) => [job.key, label]) }));
  return { ...whole, key, parts };
}

export interface JobSpec {
  readonly path: string;
  readonly title: string;
  readonly html: string;
  /** The document's name in the running header. */
  readonly running: string;
  readonly setup: PageSetup;
  readonly fitOnePage: boolean;
  /** Lay out twice: the first print gives the pages the contents list (the book). */
  readonly numberContents?: boolean;
  /** A part of a book printed in parts (PdfJob.linksOutside). */
  readonly linksOutside?: boolean;
  readonly level: Level | null;
  readonly weight: number;
}

export function makeJob(context: RenderContext, templates: PrintTemplates, ladder: Ladder, spec: JobSpec): PdfJob {
  const { site } = ladder;
  // A level's documents say when the level last changed, as its page does.
  const running = { siteTitle: site.title, documentTitle: spec.running, updated: spec.level ? displayDate(spec.level.updated, site.language) : null };
  const headerTemplate = spec.setup.displayHeaderFooter ? templates.render('header', running) : '';
  const footerTemplate = spec.setup.displayHeaderFooter ? templates.render('footer', running) : '';
  const metadata: PdfMetadata = {
    title: spec.title,
    author: site.author,
    subject: spec.level ? `${site.subject}: ${spec.level.label}` : site.subject,
    keywords: [...site.keywords, ...(spec.level ? [spec.level.label] : [])].join(', '),
    creator: `ladderpress ${context.toolVersion}`,
    date: spec.level?.updated ?? site.date,
  };
  // Hashed at once: the JSON holds the page's HTML a second time, and 1001 jobs of a 500-level ladder wait with theirs.
  const key = partKeyOf(JSON.stringify({ tool: context.toolVersion, setup: spec.setup, headerTemplate, footerTemplate, fitOnePage: spec.fitOnePage, numberContents: spec.numberContents ?? false, metadata, html: spec.html, ...(spec.linksOutside ? { linksOutside: true } : {}) }));
  const html = packedText(spec.html);
  return { path: spec.path, key, get html() { return html(); }, title: spec.title, setup: spec.setup, headerTemplate, footerTemplate, fitOnePage: spec.fitOnePage, numberContents: spec.numberContents ?? false, weight: spec.weight, metadata, parts: [], linksOutside: spec.linksOutside ?? false };
}
