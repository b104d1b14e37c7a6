import type { Competency, CompetencyCell, DimensionTable, Inline, Level } from '../model/types.js';
import { competencyFamily } from '../model/competency-family.js';
import { normaliseName } from './level-matcher.js';
import { createHeadingIds } from './slugs.js';

/** Config `competencies`: row name → the category / group names that belong to it. */
export type CompetencyOverrides = Readonly<Record<string, readonly string[]>>;

interface Row {
  name: string;
  alignedBy: Competency['alignedBy'];
  /** Normalised names that belong here (config rows, and every name mapped so far). */
  readonly members: Set<string>;
  readonly family: string | null;
  /** Seeded rows (config, ladder) keep their name and how they were formed. */
  readonly seeded: boolean;
  /** Level slug → the overview's cells for it. */
  readonly ladder: Map<string, Inline[]>;
  /** Level slug → own names and texts mapped here. */
  readonly own: Map<string, { names: string[]; texts: Inline[] }>;
  /** Every name mapped here, for the most common one. */
  readonly seen: string[];
}

const newRow = (name: string, alignedBy: Competency['alignedBy'], seeded: boolean, members: readonly string[] = []): Row => ({
  name, alignedBy, seeded, members: new Set(members.map(normaliseName)), family: competencyFamily(name), ladder: new Map(), own: new Map(), seen: [],
});

/**
 * Aligns the levels' skill categories into ladder-wide competency rows. A category joins, in this
 * order: the config row that lists it; the ladder's skills dimension of the same name or synonym
 * family; a row of another level with the same normalised name; one of the same synonym family.
 * Otherwise it keeps a row of its own. Responsibility groups join only rows the config lists them in.
 * Text is carried as written, never split or re-cased.
 */
export function alignCompetencies(levels: readonly Level[], dimensions: readonly DimensionTable[], overrides: CompetencyOverrides): Competency[] {
  const rows: Row[] = Object.entries(overrides).map(([name, members]) => newRow(name, 'config', true, [name, ...members]));
  for (const table of dimensions.filter((t) => t.kind === 'skills')) {
    for (const dimension of table.dimensions) {
      const row = rows.find((r) => r.members.has(normaliseName(dimension.name)) || normaliseName(r.name) === normaliseName(dimension.name)) ?? newRow(dimension.name, 'ladder', true);
      if (!rows.includes(row)) rows.push(row);
      for (const cell of dimension.cells) {
        if (cell.key.kind === 'level') row.ladder.set(cell.key.slug, [...(row.ladder.get(cell.key.slug) ?? []), cell.value]);
      }
    }
  }
  // Indexes instead of scans: a big ladder has thousands of categories.
  const configByName = new Map<string, Row>();
  for (const row of rows) if (row.alignedBy === 'config') for (const member of row.members) if (!configByName.has(member)) configByName.set(member, row);
  const seededByName = new Map<string, Row>();
  const seededByFamily = new Map<string, Row>();
  for (const row of rows.filter((r) => r.seeded)) {
    if (!seededByName.has(normaliseName(row.name))) seededByName.set(normaliseName(row.name), row);
    if (row.family !== null && !seededByFamily.has(row.family)) seededByFamily.set(row.family, row);
  }
  const ownByName = new Map<string, Row>();
  const ownByFamily = new Map<string, Row>();
  const place = (slug: string, name: string, texts: readonly Inline[], groupOnly: boolean): void => {
    const key = normaliseName(name);
    const family = competencyFamily(name);
    let row = configByName.get(key);
    if (!row && groupOnly) return;
    row ??= seededByName.get(key) ?? (family === null ? undefined : seededByFamily.get(family));
    if (!row) {
      row = ownByName.get(key);
      if (row && row.alignedBy === 'single') row.alignedBy = 'name';
    }
    if (!row && family !== null) {
      row = ownByFamily.get(family);
      if (row) row.alignedBy = 'synonym';
    }
    if (!row) {
      row = newRow(name, 'single', false);
      rows.push(row);
      if (family !== null) ownByFamily.set(family, row);
    }
    if (!row.seeded && !ownByName.has(key)) ownByName.set(key, row);
    row.members.add(key);
    row.seen.push(name);
    const cell = row.own.get(slug) ?? { names: [], texts: [] };
    cell.names.push(name);
    cell.texts.push(...texts);
    row.own.set(slug, cell);
  };
  for (const level of levels) {
    for (const skill of level.facets.skills) place(level.slug, skill.category, [skill.text], false);
    for (const group of level.facets.responsibilities) place(level.slug, group.name, group.items, true);
  }
  const id = createHeadingIds();
  return rows.flatMap((row): Competency[] => {
    const cells = levels.flatMap((level): CompetencyCell[] => {
      const own = row.own.get(level.slug);
      if (own) return [{ level: level.slug, names: own.names, texts: own.texts, from: level.facets.origin.skills === 'ladder' ? 'ladder' : 'level' }];
      const ladder = row.ladder.get(level.slug);
      return ladder ? [{ level: level.slug, names: [], texts: ladder, from: 'ladder' }] : [];
    });
    if (cells.length === 0) return [];
    const name = row.seeded ? row.name : mostCommon(row.seen);
    const alignedBy = !row.seeded && cells.length === 1 ? 'single' : row.alignedBy;
    return [{ id: id(name), name, alignedBy, cells }];
  });
}

/** The name used most often; the first of equals. */
function mostCommon(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const name of names) if ((counts.get(name) ?? 0) > (counts.get(best) ?? 0)) best = name;
  return best;
}
