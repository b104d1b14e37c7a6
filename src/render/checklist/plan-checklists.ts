import path from 'node:path';
import type { Ladder } from '../../model/types.js';
import { checklistOf } from '../checklist-rows.js';
import { docxTheme, fontTableEntries } from '../docx/docx-theme.js';
import { readReferenceDocx } from '../docx/reference-docx.js';
import { tableStyleXml } from '../docx/styles.js';
import { documentView } from '../pdf/document-view.js';
import { handoutSetup } from '../pdf/paper.js';
import { makeJob, type PdfJob } from '../pdf/plan-pdfs.js';
import { loadPrintTemplates } from '../pdf/print-templates.js';
import type { RenderContext } from '../render-context.js';
import { wordJobMaker, type WordJob } from '../docx/word-job.js';
import { CHECKLIST_FILES } from './checklist-files.js';

/** A checklist to make: a Word document (on the build's Word threads at scale) or a PDF for the browser. */
export type ChecklistJob = WordJob | (PdfJob & { readonly kind: 'pdf' });

/** model → per level `<slug>-checklist.docx` and `<slug>-checklist.pdf`, from the same rows. Cheap: nothing is rendered yet. */
export async function planChecklists(ladder: Ladder, context: RenderContext): Promise<ChecklistJob[]> {
  const { site } = ladder;
  const logo = site.theme.logo;
  const templates = await loadPrintTemplates(context.templatesDir, logo === null ? null : path.resolve(context.contentDir, logo));
  const reference = readReferenceDocx(context.referenceDocx, context.diagnostics);
  const pack = { date: site.date, reference, fonts: fontTableEntries(site.theme), extraStyles: tableStyleXml(docxTheme(site.theme)) };
  const { job } = wordJobMaker(context.diagnostics);
  return ladder.levels.flatMap((level): ChecklistJob[] => {
    const checklist = checklistOf(ladder, level);
    const docxKey = JSON.stringify({ format: 'checklist-docx', tool: context.toolVersion, site, reference: reference?.hash ?? null, checklist });
    const html = templates.render('checklist', { doc: documentView(site, templates, 'checklist', checklist.title), ...checklist });
    const pdf = makeJob(context, templates, ladder, { path: CHECKLIST_FILES.pdf.path(level.slug), title: checklist.title, html, running: checklist.title, setup: handoutSetup(site.paper), fitOnePage: false, level, weight: 1 });
    return [
      job(CHECKLIST_FILES.docx.path(level.slug), docxKey, { kind: 'checklist', site, checklist, pack }),
      // Assigned, not spread: a spread would read the job's packed HTML out into a plain string (70 KB a checklist, held until printed).
      Object.assign(pdf, { kind: 'pdf' as const }),
    ];
  });
}
