import { describe, expect, it } from 'vitest';
import type { Inline, Ladder, Level } from '../../src/model/types.js';
import { assessSections } from '../../src/render/assess-items.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { EXAMPLE_CONTENT } from './build-site.js';

const ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
const vp = ladder.levels.find((level) => level.slug === 'vp') as Level;

function keys(level: Level, within: Ladder = ladder): string[] {
  return assessSections(within, level).flatMap((section) => section.groups.flatMap((group) => group.items.map((item) => item.key)));
}

function reworded(level: Level, group: number, item: number, text: string): Level {
  const inline: Inline = { text, children: [{ type: 'text', value: text }] };
  const responsibilities = level.facets.responsibilities.map((g, i) => (i === group ? { ...g, items: g.items.map((old, j) => (j === item ? inline : old)) } : g));
  return { ...level, facets: { ...level.facets, responsibilities } };
}

describe('self-assessment rows', () => {
  it('are every responsibility, skill and readiness item of the level, in its order, skills grouped by competency', () => {
    const sections = assessSections(ladder, vp);
    expect(sections.map((section) => section.id)).toEqual(['responsibilities', 'skills', 'readiness']);
    const count = (id: string): number => sections.find((s) => s.id === id)?.groups.reduce((n, g) => n + g.items.length, 0) ?? 0;
    expect(count('responsibilities')).toBe(vp.facets.responsibilities.reduce((n, g) => n + g.items.length, 0));
    expect(count('skills')).toBe(vp.facets.skills.length);
    expect(count('readiness')).toBe(vp.facets.readiness.reduce((n, r) => n + r.items.length, 0));
    const skills = sections.find((s) => s.id === 'skills');
    const competency = ladder.competencies.find((c) => c.cells.some((cell) => cell.level === 'vp' && cell.names.includes('Business Acumen')));
    expect(skills?.groups.find((g) => g.items.some((item) => item.label === 'Business Acumen'))?.name).toBe(competency?.name ?? 'Business Acumen');
    expect(sections.find((s) => s.id === 'readiness')?.groups.map((g) => g.name)).toEqual(['Ready for CTO', 'Ready for CEO']);
  });

  it('have short keys, unique in the page and the same on every build', () => {
    const first = keys(vp);
    expect(first.every((key) => /^[A-Za-z0-9_-]{4}$/.test(key))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(keys(vp)).toEqual(first);
  });

  it('give a reworded expectation a new key and keep every other one', () => {
    const before = keys(vp);
    const after = keys(reworded(vp, 0, 1, 'Something else entirely'));
    expect(after.filter((key, index) => key !== before[index])).toHaveLength(1);
    expect(after[1]).not.toBe(before[1]);
  });

  it('keep a repeated text apart', () => {
    const twice = reworded(reworded(vp, 0, 0, 'Same words'), 0, 1, 'Same words');
    const found = keys(twice);
    expect(new Set(found).size).toBe(found.length);
  });

  it('mark an expectation that grew from the level below', () => {
    const grown = assessSections(ladder, vp).flatMap((s) => s.groups.flatMap((g) => g.items)).filter((item) => item.grew);
    expect(grown.length).toBeGreaterThan(0);
    for (const item of grown) expect(vp.delta?.grown.some((g) => g.text.text === item.text.text && g.before.text === item.grew?.text)).toBe(true);
  });
});
