import type { DocumentFormat } from '../output-format.js';
import { CHECKLIST_FILES } from './checklist-files.js';
import type { ChecklistJob } from './plan-checklists.js';

/**
 * Per level a readiness checklist to fill in at a 1:1: Word with real check boxes, and a PDF to print
 * and write on. The PDF is printed by Chromium, so the format follows the PDFs' rule without a browser
 * (left out, no download offered, exit 3) — the Word checklist with it, the format being one unit.
 */
export const checklistFormat = {
  name: 'checklist',
  kind: 'documents',
  noun: 'checklist',
  verb: 'made',
  needs: 'browser',
  level: [CHECKLIST_FILES.docx, CHECKLIST_FILES.pdf],
  article: [],
  ladder: [],
  load: async () => ({
    plan: async (ladder, context) => (await import('./plan-checklists.js')).planChecklists(ladder, context),
    render: async (jobs, context, emit) => (await import('./render-checklists.js')).renderChecklists(jobs, context, emit),
  }),
} as const satisfies DocumentFormat<ChecklistJob>;
