import type { DocumentFormat } from '../output-format.js';
import { DOCX_FILES } from './docx-files.js';
import type { DocxJob } from './plan-docx.js';

/** Per level a Word document, and the whole ladder as one. */
export const docxFormat = {
  name: 'docx',
  kind: 'documents',
  noun: 'Word document',
  verb: 'written',
  needs: null,
  level: [DOCX_FILES.level],
  article: [],
  ladder: [DOCX_FILES.book],
  load: async () => ({
    plan: async (ladder, context) => (await import('./plan-docx.js')).planDocx(ladder, context),
    // The worker pool is loaded only when a document is missing from the cache.
    render: async (jobs, context, emit) => (await import('./render-docx-jobs.js')).renderDocxJobs(jobs, { signal: context.signal, emit, parts: context.parts ?? null, threads: context.wordThreads ?? null }),
  }),
} as const satisfies DocumentFormat<DocxJob>;
