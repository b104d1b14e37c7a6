import type { DeltaFacet, Ladder, Level } from '../model/types.js';
import { assessSections, type AssessFacet } from './assess-items.js';

/** One expectation to tick: by the engineer (self), by the manager, with evidence written beside it. */
export interface ChecklistRow {
  /** A skill row's category, shown before its text; null for other rows. */
  readonly label: string | null;
  readonly text: string;
  /** New at this level, or grown from the level below (the level's delta); null when unchanged or unknown. */
  readonly change: 'new' | 'grown' | null;
}

export interface ChecklistGroup {
  readonly name: string;
  readonly rows: readonly ChecklistRow[];
}

export interface ChecklistSection {
  readonly title: string;
  readonly groups: readonly ChecklistGroup[];
}

/** A level's readiness checklist, as plain data both the Word and the print renderer lay out. */
export interface Checklist {
  readonly siteTitle: string;
  /** "VP of Engineering — readiness checklist" */
  readonly title: string;
  readonly levelTitle: string;
  /** The level the delta marks compare against ("Director"), or null. */
  readonly below: string | null;
  readonly sections: readonly ChecklistSection[];
}

const FACET: Readonly<Record<AssessFacet, DeltaFacet>> = { responsibility: 'responsibilities', skill: 'skills', readiness: 'readiness' };

/**
 * The rows of the self-assessment page (responsibilities by group, skills by competency, readiness
 * for the next level(s)) marked new or grown from the level's delta, plus the scope the level adds or
 * widens. A level without readiness items still lists its expectations.
 */
export function checklistOf(ladder: Ladder, level: Level): Checklist {
  const delta = level.delta;
  const added = new Set((delta?.added ?? []).map((item) => `${item.facet}\u0000${item.text.text}`));
  const change = (facet: DeltaFacet, text: string, grew: boolean): ChecklistRow['change'] => (grew ? 'grown' : added.has(`${facet}\u0000${text}`) ? 'new' : null);
  const sections: ChecklistSection[] = assessSections(ladder, level).map((section) => ({
    title: section.title,
    groups: section.groups.map((group) => ({
      name: group.name,
      rows: group.items.map((item) => ({ label: item.label, text: clean(item.text.text), change: change(FACET[item.facet], item.text.text, item.grew !== null) })),
    })),
  }));
  const scope = [...(delta?.added ?? []).map((item) => ({ item, change: 'new' as const })), ...(delta?.grown ?? []).map((item) => ({ item, change: 'grown' as const }))].filter(({ item }) => item.facet === 'scope');
  if (scope.length > 0) sections.splice(0, 0, { title: 'Scope', groups: [{ name: 'New or wider at this level', rows: scope.map(({ item, change }) => ({ label: item.group, text: clean(item.text.text), change })) }] });
  const below = delta ? (ladder.levels.find((other) => other.slug === delta.from)?.label ?? null) : null;
  return { siteTitle: ladder.site.title, title: `${level.title} — readiness checklist`, levelTitle: level.title, below, sections };
}

/** Every row, in order: what the tests and the verifier count. */
export function checklistRows(checklist: Checklist): ChecklistRow[] {
  return checklist.sections.flatMap((section) => section.groups.flatMap((group) => group.rows));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
