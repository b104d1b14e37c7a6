import type { DocumentFormat } from '../output-format.js';
import { PDF_FILES } from './pdf-files.js';
import type { PdfJob } from './plan-pdfs.js';

/** Per level a handout and a one-page profile, and the whole ladder as a book, printed by Chromium. */
export const pdfFormat = {
  name: 'pdf',
  kind: 'documents',
  noun: 'PDF',
  verb: 'printed',
  needs: 'browser',
  level: [PDF_FILES.handout, PDF_FILES.profile],
  article: [],
  ladder: [PDF_FILES.book],
  load: async () => ({
    plan: (await import('./plan-pdfs.js')).planPdfs,
    // puppeteer is loaded only when a PDF is missing from the cache.
    render: async (jobs, context, emit) => (await import('./print-pdfs.js')).printPdfs(jobs, context, emit),
  }),
} as const satisfies DocumentFormat<PdfJob>;
