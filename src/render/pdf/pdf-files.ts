import type { LadderFile, PartFile } from '../format-files.js';

/** The PDFs' published names and how the site offers them. */
export const PDF_FILES = {
  handout: { kind: 'pdf', path: (slug: string) => `${slug}.pdf`, download: { label: 'Handout', detail: 'PDF', name: null } },
  profile: { kind: 'profile', path: (slug: string) => `${slug}-profile.pdf`, download: { label: 'One-page profile', detail: 'PDF', name: 'profile' } },
  book: { kind: 'pdf', path: 'ladder.pdf', download: { label: 'Whole ladder', detail: 'PDF', name: null } },
} as const satisfies Record<string, PartFile | LadderFile>;
