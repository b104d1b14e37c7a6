import type { Heading, RootContent } from 'mdast';
import { boldLabel, plainText } from './inline.js';

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  readonly title: string;
  readonly depth: number;
  readonly heading: Heading | null;
  /** Blocks before the first subsection. */
  readonly content: readonly RootContent[];
  readonly subsections: readonly Section[];
}

/** Groups flat body blocks into nested sections by heading depth. */
export function sectionTree(blocks: readonly RootContent[], title = '', depth = 0, heading: Heading | null = null): Section {
  const content: RootContent[] = [];
  const subsections: Section[] = [];
  let index = 0;
  while (index < blocks.length && !isHeadingDeeperThan(blocks[index], depth)) {
    const block = blocks[index];
    if (block) content.push(block);
    index += 1;
  }
  while (index < blocks.length) {
    const start = blocks[index] as Heading;
    let end = index + 1;
    while (end < blocks.length && !isHeadingAtMost(blocks[end], start.depth)) end += 1;
    subsections.push(sectionTree(blocks.slice(index + 1, end), plainText(start), start.depth, start));
    index = end;
  }
  return { title, depth, heading, content, subsections };
}

/** Every section below this one, depth first, in document order. */
export function allSections(section: Section): Section[] {
  return section.subsections.flatMap((sub) => [sub, ...allSections(sub)]);
}

/** All blocks of a section, its subsections' headings and content included, in order. */
export function flatten(section: Section): RootContent[] {
  return [...section.content, ...section.subsections.flatMap((sub) => [...(sub.heading ? [sub.heading] : []), ...flatten(sub)])];
}

/**
 * Splits blocks at bold pseudo-headings (`**Morning**`) into labelled runs. Blocks before the first
 * label get the label null.
 */
export function labelledRuns(blocks: readonly RootContent[]): { label: string | null; blocks: RootContent[] }[] {
  const runs: { label: string | null; blocks: RootContent[] }[] = [];
  for (const block of blocks) {
    const label = boldLabel(block);
    if (label !== null) runs.push({ label, blocks: [] });
    else if (runs.length === 0) runs.push({ label: null, blocks: [block] });
    else runs[runs.length - 1]?.blocks.push(block);
  }
  return runs;
}

function isHeadingDeeperThan(node: RootContent | undefined, depth: number): boolean {
  return node?.type === 'heading' && node.depth > depth;
}

function isHeadingAtMost(node: RootContent | undefined, depth: number): boolean {
  return node?.type === 'heading' && node.depth <= depth;
}
