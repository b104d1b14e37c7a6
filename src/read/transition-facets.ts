import type { RootContent } from 'mdast';
import type { Inline, KeyAction, KeyShift, LevelRef, Transition, TransitionPath } from '../model/types.js';
import { boldLabel, inlineOfBlock, plainText, stripLeadingText, toInline } from './inline.js';
import { listItems, tablesIn, type LevelResolver } from './facet-blocks.js';
import { EXAMPLE, NUMBERED, PATH, PITFALLS, TIMELINE } from './section-kinds.js';
import { flatten, labelledRuns, type Section } from './sections.js';

/** Reads a transition section: timeline, one path per target (shifts, actions), pitfalls. */
export function readTransition(section: Section, resolveLevel: LevelResolver): Transition {
  const pathSections = section.subsections.filter((sub) => PATH.test(sub.title));
  const blocks = flatten(section);
  const paths: TransitionPath[] =
    pathSections.length > 0
      ? pathSections.map((sub) => readPath(targetsOf(sub.title, resolveLevel)[0] ?? resolveLevel(sub.title), flatten(sub)))
      : targetsOf(section.title, resolveLevel).slice(0, 1).map((target) => readPath(target, blocks));
  const titleTargets = targetsOf(section.title, resolveLevel);
  return {
    title: section.title,
    targets: paths.length > 1 || titleTargets.length === 0 ? paths.map((path) => path.target) : titleTargets,
    timeline: timeline(section),
    paths,
    pitfalls: pitfalls(section),
  };
}

/** "Transition to CTO or CEO" → [CTO, CEO]; "Path to Director" → [Director]. */
function targetsOf(title: string, resolveLevel: LevelResolver): LevelRef[] {
  const match = /\b(?:to|into)\s+(?:the\s+)?(.+)$/i.exec(title);
  if (!match?.[1]) return [];
  return match[1]
    .split(/\s+or\s+|\s+and\s+|\s*\/\s*|,\s*/i)
    .map((name) => name.replace(/[:.]$/, '').replace(/^(a|an)\s+/i, '').trim())
    .filter(Boolean)
    .map(resolveLevel);
}

function readPath(target: LevelRef, blocks: readonly RootContent[]): TransitionPath {
  return { target, shifts: shifts(blocks), actions: actions(blocks) };
}

function shifts(blocks: readonly RootContent[]): KeyShift[] {
  const table = tablesIn(blocks).find((candidate) => {
    const header = candidate.children[0]?.children.map((cell) => plainText(cell).toLowerCase()) ?? [];
    return header[0]?.startsWith('from') && header[1]?.startsWith('to');
  });
  return (table?.children.slice(1) ?? []).flatMap((row) => {
    const [from, to] = row.children;
    return from && to ? [{ from: toInline(from.children), to: toInline(to.children) }] : [];
  });
}

/** Numbered bold pseudo-headings (`**1. Do this**`) or headings, each with bullets and an example. */
function actions(blocks: readonly RootContent[]): KeyAction[] {
  const found: { title: string; blocks: RootContent[] }[] = [];
  let current: { title: string; blocks: RootContent[] } | null = null;
  for (const block of blocks) {
    const label = block.type === 'heading' ? plainText(block) : boldLabel(block);
    if (label !== null && NUMBERED.test(label)) {
      current = { title: label.replace(NUMBERED, '').trim(), blocks: [] };
      found.push(current);
    } else if (label !== null || block.type === 'table') {
      current = null;
    } else {
      current?.blocks.push(block);
    }
  }
  return found.map((action) => ({ title: action.title, items: listItems(action.blocks), example: example(action.blocks) }));
}

function example(blocks: readonly RootContent[]): Inline | null {
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const children = block.children.length === 1 && block.children[0]?.type === 'emphasis' ? block.children[0].children : block.children;
    const rest = stripLeadingText(children, EXAMPLE);
    if (rest) return toInline(rest);
  }
  return null;
}

function timeline(section: Section): Inline | null {
  const sub = section.subsections.find((candidate) => TIMELINE.test(candidate.title));
  const firstParagraph = sub?.content.find((block) => block.type === 'paragraph');
  if (firstParagraph) return inlineOfBlock(firstParagraph);
  for (const block of flatten(section)) {
    if (block.type !== 'paragraph') continue;
    const first = block.children[0];
    if (first?.type === 'strong' && TIMELINE.test(plainText(first))) {
      const rest = stripLeadingText(block.children.slice(1), /^\s*:?\s*/) ?? block.children.slice(1);
      if (plainText(rest)) return toInline(rest);
    }
  }
  const run = labelledRuns(flatten(section)).find((candidate) => candidate.label !== null && TIMELINE.test(candidate.label));
  const paragraph = run?.blocks.find((block) => block.type === 'paragraph');
  return paragraph ? inlineOfBlock(paragraph) : null;
}

function pitfalls(section: Section): Inline[] {
  const fromHeadings = allSubsections(section).filter((sub) => PITFALLS.test(sub.title)).flatMap((sub) => listItems(flatten(sub)));
  const fromLabels = labelledRuns(flatten(section))
    .filter((run) => run.label !== null && PITFALLS.test(run.label))
    .flatMap((run) => listItems(run.blocks));
  return [...fromHeadings, ...fromLabels];
}

function allSubsections(section: Section): Section[] {
  return section.subsections.flatMap((sub) => [sub, ...allSubsections(sub)]);
}
