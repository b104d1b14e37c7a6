import type { Competency, DeltaItem, GrownItem, Inline, Ladder, Level, LevelDelta } from '../../src/model/types.js';

/**
 * A ladder with hand-made ladder-wide data (competencies, deltas, scope entries filled from the overview),
 * so renderer tests see every shape of it whatever the model computes for the content.
 */
export function withLadderExtras(ladder: Ladder): Ladder {
  const levels = ladder.levels.map((level, index): Level => {
    const below = ladder.levels[index - 1];
    if (!below) return level;
    // A level silent on scope gets all of it from the overview; one with its own gets one entry more.
    const own = level.facets.scope.filter((entry) => entry.origin === 'document');
    const added = { label: 'Team size', value: text(`Team size of ${level.label}`), origin: 'ladder' as const };
    return {
      ...level,
      delta: handMadeDelta(below, level),
      facets: { ...level.facets, scope: [...own, added], origin: { ...level.facets.origin, scope: own.length > 0 ? 'document' : 'ladder' } },
    };
  });
  return { ...ladder, levels, competencies: competencies(levels) };
}

export function text(value: string): Inline {
  return { text: value, children: [{ type: 'text', value }] };
}

function handMadeDelta(below: Level, level: Level): LevelDelta {
  const items = (of: Level): DeltaItem[] =>
    of.facets.responsibilities.flatMap((group) => group.items.map((item): DeltaItem => ({ facet: 'responsibilities', group: group.name, text: item })));
  const grown: GrownItem = {
    facet: 'skills',
    group: 'Communication',
    text: text('Explain trade-offs to the whole company'),
    before: text('Explain trade-offs to the team'),
    similarity: 0.7,
    changes: [
      { kind: 'same', text: 'Explain trade-offs to the' },
      { kind: 'removed', text: 'team' },
      { kind: 'added', text: 'whole company' },
    ],
  };
  return { from: below.slug, added: items(level), grown: [grown], removed: items(below).slice(0, 2) };
}

/** One row per skill category name, matched case-insensitively, plus one aligned across two names. */
function competencies(levels: readonly Level[]): Competency[] {
  const rows = new Map<string, { name: string; cells: Competency['cells'][number][] }>();
  for (const level of levels) {
    for (const skill of level.facets.skills) {
      const key = skill.category.toLowerCase();
      const row = rows.get(key) ?? { name: skill.category, cells: [] };
      row.cells.push({ level: level.slug, names: [skill.category], texts: [skill.text], from: 'level' });
      rows.set(key, row);
    }
  }
  const first = levels[0];
  const overview: Competency = {
    id: 'overview-only',
    name: 'Overview Only',
    alignedBy: 'ladder',
    cells: first ? [{ level: first.slug, names: [], texts: [text('Written in the overview')], from: 'ladder' }] : [],
  };
  return [...[...rows.values()].map((row, index): Competency => ({ id: `c${index}`, name: row.name, alignedBy: 'name', cells: row.cells })), overview];
}
