import type { DimensionCell, DimensionKind, DimensionTable, Inline, KeyShift, LevelFacets, LevelRef, ScopeEntry, Transition } from '../model/types.js';
import { splitList } from './level-facets.js';
import { normaliseName } from './level-matcher.js';

/** One dimension cell of a level (or of a transition from it), with the dimension and table it sits in. */
interface Found {
  readonly table: DimensionTable;
  readonly name: string;
  readonly cell: DimensionCell;
}

function cellsOf(tables: readonly DimensionTable[], kind: DimensionKind, match: (cell: DimensionCell) => boolean): Found[] {
  return tables
    .filter((table) => table.kind === kind)
    .flatMap((table) => table.dimensions.flatMap((dimension) => dimension.cells.filter(match).map((cell) => ({ table, name: dimension.name, cell }))));
}

const plain = (text: string): Inline => ({ text, children: [{ type: 'text', value: text }] });
const FROM = /^(from|before|was|old)\b/i;
const TO = /^(to|after|becomes|new)\b/i;

/**
 * Fills the facets a level's own document is silent on from the ladder's cross-level tables: skills,
 * day-to-day and the shifts of its transitions up as whole facets, scope entry by entry. The
 * document's own text always wins; `origin` says where each facet (and scope entry) came from.
 */
export function fillFromLadder(facets: LevelFacets, slug: string, tables: readonly DimensionTable[], levelRef: (slug: string) => LevelRef): LevelFacets {
  const ofLevel = (cell: DimensionCell): boolean => cell.key.kind === 'level' && cell.key.slug === slug;
  const scope = mergeScope(facets.scope, cellsOf(tables, 'scope', ofLevel));
  const skills = facets.origin.skills === 'document' ? [] : cellsOf(tables, 'skills', ofLevel);
  const time = facets.origin.dayToDay === 'document' ? [] : cellsOf(tables, 'time', ofLevel);
  const shifts = facets.origin.shifts === 'document' ? null : transitionsUp(cellsOf(tables, 'shifts', (cell) => cell.key.kind === 'transition' && cell.key.from === slug), facets.transitions, levelRef);
  return {
    ...facets,
    scope,
    skills: skills.length > 0 ? skills.map(({ name, cell }) => ({ category: name, text: cell.value, skills: splitList(cell.value.text) })) : facets.skills,
    dayToDay: time.length > 0 ? time.map(({ name, cell }) => ({ period: name, items: [cell.value] })) : facets.dayToDay,
    transitions: shifts ?? facets.transitions,
    origin: {
      scope: facets.origin.scope === 'document' || scope.length === 0 ? facets.origin.scope : 'ladder',
      skills: skills.length > 0 ? 'ladder' : facets.origin.skills,
      dayToDay: time.length > 0 ? 'ladder' : facets.origin.dayToDay,
      shifts: shifts ? 'ladder' : facets.origin.shifts,
    },
  };
}

/**
 * The document's scope entries, then each table row none of them (nor an earlier row) names: a row
 * "Reports to" is the document's "**Reports to**:" line when their names normalise alike.
 */
function mergeScope(own: readonly ScopeEntry[], found: readonly Found[]): ScopeEntry[] {
  const named = new Set(own.map((entry) => normaliseName(entry.label)));
  const added: ScopeEntry[] = [];
  for (const { name, cell } of found) {
    const key = normaliseName(name);
    if (named.has(key)) continue;
    named.add(key);
    added.push({ label: name, value: cell.value, origin: 'ladder' });
  }
  return [...own, ...added];
}

/**
 * The level's transitions with the shifts tables' rows added to the path of each target: a path the
 * document already has (without shifts) is filled, otherwise a transition of the table's title is
 * added. null when no table has a transition from this level.
 */
function transitionsUp(found: readonly Found[], own: readonly Transition[], levelRef: (slug: string) => LevelRef): Transition[] | null {
  if (found.length === 0) return null;
  const targets = [...new Set(found.map(({ cell }) => (cell.key.kind === 'transition' ? cell.key.to : '')))];
  let transitions = [...own];
  for (const target of targets) {
    const mine = found.filter(({ cell }) => cell.key.kind === 'transition' && cell.key.to === target);
    const shifts = keyShifts(mine);
    const owner = transitions.findIndex((transition) => transition.paths.some((path) => path.target.slug === target));
    if (owner >= 0) {
      transitions = transitions.map((transition, index) =>
        index === owner ? { ...transition, paths: transition.paths.map((path) => (path.target.slug === target ? { ...path, shifts } : path)) } : transition,
      );
    } else {
      const ref = levelRef(target);
      transitions.push({ title: mine[0]?.table.title ?? '', targets: [ref], timeline: null, paths: [{ target: ref, shifts, actions: [] }], pitfalls: [] });
    }
  }
  return transitions;
}

/** From/To columns pair up row by row; any other column becomes "column name → cell". */
function keyShifts(found: readonly Found[]): KeyShift[] {
  const froms = found.filter(({ name }) => FROM.test(name));
  const tos = found.filter(({ name }) => TO.test(name));
  const paired = froms.length > 0 && froms.length === tos.length;
  const pairs = paired ? froms.map((from, index) => ({ from: from.cell.value, to: (tos[index] as Found).cell.value })) : [];
  const rest = found.filter((item) => !paired || (!froms.includes(item) && !tos.includes(item))).map(({ name, cell }) => ({ from: plain(name), to: cell.value }));
  return [...pairs, ...rest];
}
