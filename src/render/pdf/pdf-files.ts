import type { LadderFile, PartFile } from '../format-files.js';

/** The PDFs' published names and how the site offers them. */
export const PDF_FILES = {
  handout: { kind: 'pdf', path: (slug: string) => `${slug}.pdf`, download: { label: 'Handout', detail: 'PDF' } },
  profile: { kind: 'profile', path: (slug: string) => `${slug}-profile.pdf`, download: { label: 'One-page profile', detail: 'PDF' } },
  book: { kind: 'pdf', path: 'ladder.pdf', download: { label: 'Whole ladder', detail: 'PDF' } },
} as const satisfies Record<string, PartFile | LadderFile>;
