import type { Emit } from '../output-format.js';
import { printPdfs } from '../pdf/print-pdfs.js';
import type { RenderContext } from '../render-context.js';
import type { ChecklistJob } from './plan-checklists.js';

/** The Word checklists first (no browser needed), then the PDFs in one browser session. */
export async function renderChecklists(jobs: readonly ChecklistJob[], context: RenderContext, emit: Emit): Promise<void> {
  for (const job of jobs) {
    if (job.kind !== 'docx') continue;
    context.signal.throwIfAborted();
    await emit({ path: job.path, data: await job.render() });
  }
  await printPdfs(jobs.filter((job) => job.kind === 'pdf'), context, emit);
}
