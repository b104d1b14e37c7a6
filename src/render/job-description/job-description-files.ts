import type { PartFile } from '../format-files.js';

const DOWNLOAD = { label: 'Job description', name: 'job description' } as const;

/** The postings' published names and how the site offers them. */
export const JOB_DESCRIPTION_FILES = {
  docx: { kind: 'job-description-docx', path: (slug: string) => `${slug}-job-description.docx`, download: { ...DOWNLOAD, detail: 'DOCX' } },
  markdown: { kind: 'job-description-md', path: (slug: string) => `${slug}-job-description.md`, download: { ...DOWNLOAD, detail: 'Markdown' } },
} as const satisfies Record<string, PartFile>;
