import type { Renderers } from '../../src/build.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import { renderSite } from '../../src/render/html/render-site.js';
import { planPdfs } from '../../src/render/pdf/plan-pdfs.js';
import { printPdfs } from '../../src/render/pdf/print-pdfs.js';

/** The real renderers, counting every PDF printed and every Word document rendered. */
export function countingRenderers(): { renderers: Renderers; counts: { pdf: string[]; docx: string[] } } {
  const counts = { pdf: [] as string[], docx: [] as string[] };
  const renderers: Renderers = {
    renderSite,
    planPdfs,
    printPdfs: (jobs, context, onDone) => {
      counts.pdf.push(...jobs.map((job) => job.path));
      return printPdfs(jobs, context, onDone);
    },
    planDocx: (ladder, context) =>
      planDocx(ladder, context).map((job) => ({
        ...job,
        render: () => {
          counts.docx.push(job.path);
          return job.render();
        },
      })),
  };
  return { renderers, counts };
}
