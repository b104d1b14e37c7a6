import type { LadderFile, PartFile } from '../format-files.js';

/** The Word documents' published names and how the site offers them. */
export const DOCX_FILES = {
  level: { kind: 'docx', path: (slug: string) => `${slug}.docx`, download: { label: 'Word', detail: 'DOCX', name: null } },
  book: { kind: 'docx', path: 'ladder.docx', download: { label: 'Whole ladder', detail: 'DOCX', name: null } },
} as const satisfies Record<string, PartFile | LadderFile>;
