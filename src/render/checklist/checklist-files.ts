import type { PartFile } from '../format-files.js';

const DOWNLOAD = { label: 'Readiness checklist', name: 'readiness checklist' } as const;

/** The checklists' published names and how the site offers them. */
export const CHECKLIST_FILES = {
  docx: { kind: 'checklist-docx', path: (slug: string) => `${slug}-checklist.docx`, download: { ...DOWNLOAD, detail: 'DOCX' } },
  pdf: { kind: 'checklist-pdf', path: (slug: string) => `${slug}-checklist.pdf`, download: { ...DOWNLOAD, detail: 'PDF' } },
} as const satisfies Record<string, PartFile>;
