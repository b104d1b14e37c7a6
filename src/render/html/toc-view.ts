import type { HeadingEntry } from '../../model/types.js';

export interface TocEntry {
  readonly text: string;
  readonly url: string;
  readonly children: readonly TocEntry[];
}

/** `##` headings with their `###` children, for the on-page table of contents. */
export function tocView(headings: readonly HeadingEntry[]): TocEntry[] {
  const entries: { text: string; url: string; children: TocEntry[] }[] = [];
  for (const heading of headings) {
    const entry = { text: heading.text, url: `#${heading.id}`, children: [] };
    const parent = entries.at(-1);
    if (heading.depth === 2 || !parent) entries.push(entry);
    else if (heading.depth === 3) parent.children.push(entry);
  }
  return entries;
}
