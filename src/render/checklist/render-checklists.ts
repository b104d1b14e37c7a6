import type { EmitDocument } from '../output-format.js';
import { printPdfs } from '../pdf/print-pdfs.js';
import type { RenderContext } from '../render-context.js';
import { renderWordJobs } from '../docx/render-word-jobs.js';
import { isWordJob, type WordJob } from '../docx/word-job.js';
import type { ChecklistJob } from './plan-checklists.js';

/**
 * The PDFs first, in one browser session, then the Word checklists: without a browser the format
 * fails before any of its files is staged, so nothing of it is published that the site does not offer.
 */
export async function renderChecklists(jobs: readonly ChecklistJob[], context: RenderContext, emit: EmitDocument): Promise<void> {
  await printPdfs(jobs.filter((job): job is Exclude<ChecklistJob, WordJob> => !isWordJob(job)), context, emit);
  await renderWordJobs(jobs.filter(isWordJob), { signal: context.signal, threads: context.wordThreads ?? null, emit });
}
