import { createHash } from 'node:crypto';
import type { Competency, Inline, Ladder, Level } from '../model/types.js';

/** What a self-assessment row is about; part of its key, so moving a text to another facet starts it afresh. */
export type AssessFacet = 'responsibility' | 'skill' | 'readiness';

/** One expectation to answer. @example { key: "q3Zk", facet: "skill", label: "Business Acumen", text: {...}, grew: null } */
export interface AssessItem {
  /**
   * Four base64url characters (24 bits of SHA-256 over facet and text): the item's name in the URL
   * fragment. A text that changes gets a new key, so an old answer never lands on a new expectation.
   */
  readonly key: string;
  readonly facet: AssessFacet;
  /** A skill row's category name, shown before its text; null for other rows. */
  readonly label: string | null;
  readonly text: Inline;
  /** The wording at the level below when this expectation grew from it (the level's delta). */
  readonly grew: Inline | null;
}

/** Rows summarised together: a responsibility group, a competency, a readiness target. */
export interface AssessGroup {
  readonly name: string;
  readonly items: readonly AssessItem[];
}

export interface AssessSection {
  readonly id: 'responsibilities' | 'skills' | 'readiness';
  readonly title: string;
  readonly groups: readonly AssessGroup[];
}

/**
 * Every expectation of a level, in the order its document gives them: responsibilities by group,
 * skills by ladder competency (the category's own name when no competency holds it), and the
 * readiness indicators for the next level(s). Empty sections are left out.
 */
export function assessSections(ladder: Ladder, level: Level): AssessSection[] {
  const keys = new KeyMaker();
  const grown = new Map((level.delta?.grown ?? []).map((item) => [`${item.facet}\u0000${item.group}\u0000${item.text.text}`, item.before]));
  const grewFrom = (facet: string, group: string, text: Inline): Inline | null => grown.get(`${facet}\u0000${group}\u0000${text.text}`) ?? null;
  const { facets } = level;
  const sections: AssessSection[] = [
    {
      id: 'responsibilities',
      title: 'Responsibilities',
      groups: facets.responsibilities.map((group) => ({
        name: group.name,
        items: group.items.map((text) => ({
          key: keys.make('responsibility', text.text),
          facet: 'responsibility',
          label: null,
          text,
          grew: grewFrom('responsibilities', group.name, text),
        })),
      })),
    },
    {
      id: 'skills',
      title: 'Skills',
      groups: groupBy(
        facets.skills.map((skill) => ({
          group: competencyOf(ladder.competencies, level.slug, skill.category) ?? skill.category,
          item: {
            key: keys.make('skill', `${skill.category}: ${skill.text.text}`),
            facet: 'skill',
            label: skill.category,
            text: skill.text,
            grew: grewFrom('skills', skill.category, skill.text),
          },
        })),
      ),
    },
    {
      id: 'readiness',
      title: 'Readiness for the next level',
      groups: facets.readiness.map((readiness) => ({
        name: `Ready for ${readiness.target.name}`,
        items: readiness.items.map((text) => ({ key: keys.make('readiness', `${readiness.target.name}: ${text.text}`), facet: 'readiness', label: null, text, grew: null })),
      })),
    },
  ];
  return sections
    .map((section) => ({ ...section, groups: section.groups.filter((group) => group.items.length > 0) }))
    .filter((section) => section.groups.length > 0);
}

/** The ladder competency a level's skill category is aligned to. */
function competencyOf(competencies: readonly Competency[], slug: string, category: string): string | null {
  return competencies.find((competency) => competency.cells.some((cell) => cell.level === slug && cell.names.includes(category)))?.name ?? null;
}

function groupBy(entries: readonly { group: string; item: AssessItem }[]): AssessGroup[] {
  const groups = new Map<string, AssessItem[]>();
  for (const { group, item } of entries) groups.set(group, [...(groups.get(group) ?? []), item]);
  return [...groups].map(([name, items]) => ({ name, items }));
}

/** Keys unique within one page: a repeated text or a 24-bit collision is salted until it is free. */
class KeyMaker {
  readonly #used = new Set<string>();

  make(facet: AssessFacet, text: string): string {
    for (let salt = 0; ; salt += 1) {
      const key = createHash('sha256')
        .update(`${facet}\u0000${text.normalize('NFC').replace(/\s+/g, ' ').trim()}${salt ? `\u0000${salt}` : ''}`)
        .digest('base64url')
        .slice(0, 4);
      if (!this.#used.has(key)) {
        this.#used.add(key);
        return key;
      }
    }
  }
}
