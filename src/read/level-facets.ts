import type { List, ListItem, RootContent, Table } from 'mdast';
import type { ComparisonTable, FacetOrigin, DayPeriod, Inline, LevelFacets, LevelRef, Readiness, ResponsibilityGroup, ScopeEntry, SkillCategory } from '../model/types.js';
import { boldLabel, inlineOfBlock, plainText, stripLeadingText, toInline } from './inline.js';
import { sectionKind, READY_FOR } from './section-kinds.js';
import { allSections, flatten, labelledRuns, type Section } from './sections.js';
import { listItems, tablesIn, type LevelResolver } from './facet-blocks.js';
import { readTransition } from './transition-facets.js';

/** Reads the semantic facets of a role document from its section tree (title heading removed). */
export function readLevelFacets(root: Section, resolveLevel: LevelResolver): LevelFacets {
  const sections = allSections(root);
  const ofKind = (kind: string): Section[] => root.subsections.filter((section) => sectionKind(section.title) === kind);
  const intro = root.content.filter((block) => block.type !== 'thematicBreak');
  const facets = {
    coreQuestion: coreQuestion(intro),
    intro: intro.filter((block) => block.type === 'paragraph').map((block) => plainText(block)).join(' '),
    responsibilities: ofKind('responsibilities').flatMap(responsibilityGroups),
    skills: ofKind('skills').flatMap((section) => tablesIn(flatten(section)).slice(0, 1).flatMap(skillRows)),
    dayToDay: ofKind('dayToDay').flatMap(dayPeriods),
    scope: scopeEntries(root, sections),
    comparisons: ofKind('comparison').flatMap(comparisonTables),
    transitions: ofKind('transition').map((section) => readTransition(section, resolveLevel)),
    readiness: readiness(flatten(root), resolveLevel),
  };
  const from = (found: boolean): FacetOrigin => (found ? 'document' : 'none');
  const hasShifts = facets.transitions.some((transition) => transition.paths.some((p) => p.shifts.length > 0));
  return { ...facets, origin: { scope: from(facets.scope.length > 0), skills: from(facets.skills.length > 0), dayToDay: from(facets.dayToDay.length > 0), shifts: from(hasShifts) } };
}

function coreQuestion(intro: readonly RootContent[]): Inline | null {
  for (const block of intro) {
    if (block.type !== 'paragraph') continue;
    for (const child of block.children) {
      if (child.type !== 'strong') continue;
      const text = plainText(child);
      if (!/^["“'‘]|\?["”'’]?$/.test(text)) continue;
      const children = stripLeadingText(child.children, /^["“'‘]/) ?? [...child.children];
      const last = children.at(-1);
      if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.replace(/["”'’]\s*$/, '') };
      return toInline(children);
    }
  }
  return null;
}

function responsibilityGroups(section: Section): ResponsibilityGroup[] {
  if (section.subsections.length > 0) {
    return section.subsections
      .map((sub) => ({ name: sub.title, items: listItems(flatten(sub)) }))
      .filter((group) => group.items.length > 0);
  }
  const runs = labelledRuns(section.content).filter((run) => run.label !== null);
  if (runs.length > 0) return runs.map((run) => ({ name: run.label ?? '', items: listItems(run.blocks) })).filter((g) => g.items.length > 0);
  const items = listItems(section.content);
  return items.length > 0 ? [{ name: section.title, items }] : [];
}

function skillRows(table: Table): SkillCategory[] {
  return table.children.slice(1).flatMap((row) => {
    const [category, skills] = row.children;
    if (!category || !skills) return [];
    return [{ category: plainText(category), text: toInline(skills.children), skills: splitList(plainText(skills)) }];
  });
}

/** "a, b (c, d), e" → ["a", "b (c, d)", "e"] */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function dayPeriods(section: Section): DayPeriod[] {
  const fromLabels = labelledRuns(section.content)
    .filter((run) => run.label !== null && sectionKind(run.label) !== 'scope')
    .map((run) => ({ period: run.label ?? '', items: listItems(run.blocks) }));
  const fromHeadings = section.subsections
    .filter((sub) => sectionKind(sub.title) !== 'scope')
    .map((sub) => ({ period: sub.title, items: listItems(flatten(sub)) }));
  return [...fromLabels, ...fromHeadings].filter((period) => period.items.length > 0);
}

function scopeEntries(root: Section, sections: readonly Section[]): ScopeEntry[] {
  const lists: List[] = [];
  for (const section of sections) {
    if (sectionKind(section.title) === 'scope') lists.push(...section.content.filter((b): b is List => b.type === 'list'));
  }
  for (const run of labelledRuns(flatten(root))) {
    if (run.label !== null && sectionKind(run.label) === 'scope') {
      const list = run.blocks.find((b): b is List => b.type === 'list');
      if (list) lists.push(list);
    }
  }
  return lists.flatMap((list) => list.children.flatMap(scopeEntry));
}

/** `**Direct reports**: 4-8 Directors` → { label: "Direct reports", value: "4-8 Directors" } */
function scopeEntry(item: ListItem): ScopeEntry[] {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return [];
  const [first, ...rest] = paragraph.children;
  if (first?.type === 'strong') {
    const value = stripLeadingText(rest, /^\s*:\s*/) ?? stripLeadingText(rest, /^\s*[-–—]\s*/) ?? rest;
    return [{ label: plainText(first).replace(/:$/, ''), value: toInline(value), origin: 'document' }];
  }
  const text = plainText(paragraph);
  const colon = text.indexOf(':');
  if (colon <= 0) return [];
  const value = stripLeadingText(paragraph.children, /^[^:]*:\s*/) ?? [];
  return [{ label: text.slice(0, colon).trim(), value: toInline(value), origin: 'document' }];
}

function comparisonTables(section: Section): ComparisonTable[] {
  const own = tablesIn(section.content).map((table) => comparisonTable(section.title, table));
  return [...own, ...section.subsections.flatMap((sub) => comparisonTables(sub))];
}

function comparisonTable(title: string, table: Table): ComparisonTable {
  const [header, ...rows] = table.children;
  const cells = (row: typeof header): Inline[] => row?.children.map((cell) => toInline(cell.children)) ?? [];
  return { title, header: cells(header), rows: rows.map(cells) };
}

function readiness(blocks: readonly RootContent[], resolveLevel: LevelResolver): Readiness[] {
  const found: Readiness[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return;
    const label = boldLabel(block) ?? plainText(block);
    const match = READY_FOR.exec(label);
    const next = blocks[index + 1];
    if (!match?.[1] || next?.type !== 'list') return;
    found.push({ target: resolveLevel(match[1].replace(/^(a|an)\s+/i, '')), items: listItems([next]) });
  });
  return found;
}
