import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { readContent } from '../helpers/read-content.js';
import { ladderSummary, matrixFill } from '../helpers/ladder-summary.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const read = async (dir: string): Promise<{ ladder: Ladder; codes: string[] }> => {
  const { ladder, diagnostics } = await readContent(path.join(PROJECT_ROOT, dir));
  if (!ladder) throw new Error(`could not read ${dir}`);
  return { ladder, codes: diagnostics.all.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.code}`) };
};

describe('the ladder as a whole', () => {
  it('example: dimensions, origins, competencies and deltas (golden; regenerate with -u and review)', async () => {
    const { ladder } = await read('content');
    await expect(`${JSON.stringify(ladderSummary(ladder), null, 2)}\n`).toMatchFileSnapshot(path.join(PROJECT_ROOT, 'test/golden/content.ladder.json'));
  });

  it('example: the overview tables become dimensions of the right kind, cells at their source', async () => {
    const { ladder } = await read('content');
    const kinds = Object.fromEntries(ladder.dimensions.filter((table) => table.source.file === 'index.md').map((table) => [table.title, table.kind]));
    expect(kinds).toMatchObject({
      'Organisational Scope': 'scope',
      'Skills Evolution Across the Ladder': 'skills',
      'Day-to-Day Time Allocation': 'time',
      'Key Shifts at Each Transition': 'shifts',
      'Levels at a Glance': 'other',
    });
    const skills = ladder.dimensions.find((table) => table.kind === 'skills');
    const technical = skills?.dimensions.find((dimension) => dimension.name === 'Technical');
    const engineer = technical?.cells.find((cell) => cell.key.kind === 'level' && cell.key.slug === 'engineer');
    // Formatting kept: the emphasis is still an emphasis node.
    expect(engineer?.value.children.some((node) => node.type === 'emphasis')).toBe(true);
    expect(engineer?.source.file).toBe('index.md');
    expect(engineer?.source.line).toBeGreaterThan(skills?.source.line ?? Infinity);
  });

  it('example: scope merged entry by entry, the document’s own entries first and winning where they name the same row', async () => {
    const { ladder, codes } = await read('content');
    const bySlug = new Map(ladder.levels.map((level) => [level.slug, level]));
    const entries = (slug: string): string[] => bySlug.get(slug)?.facets.scope.map((entry) => `${entry.label} (${entry.origin})`) ?? [];
    expect(bySlug.get('engineer')?.facets.origin.scope).toBe('ladder');
    expect(entries('engineer')).toEqual(['Team size (ladder)', 'Direct reports (ladder)', 'Span (ladder)', 'Reports to (ladder)', 'Planning horizon (ladder)']);
    expect(bySlug.get('manager')?.facets.scope.find((entry) => entry.label === 'Direct reports')?.value.text).toBe('5–9 engineers, sometimes including a tech lead');
    expect(bySlug.get('director')?.facets.origin.scope).toBe('document');
    expect(entries('director')).toEqual(['Direct reports (document)', 'Org size (document)', 'Span (document)', 'Team size (ladder)', 'Reports to (ladder)', 'Planning horizon (ladder)']);
    // The document's "Span" wins over the overview's row of that name.
    expect(bySlug.get('vp')?.facets.scope.find((entry) => entry.label === 'Span')?.value.text).toBe('All of engineering, or a division with its own P&L');
    expect(codes.filter((code) => code.endsWith('missing-facet'))).toEqual([]);
  });

  it('example: every level but the lowest has a non-empty delta from the level below', async () => {
    const { ladder } = await read('content');
    expect(ladder.levels[0]?.delta).toBeNull();
    for (const [index, level] of ladder.levels.entries()) {
      if (index === 0) continue;
      expect(level.delta?.from).toBe(ladder.levels[index - 1]?.slug);
      expect((level.delta?.added.length ?? 0) + (level.delta?.grown.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('short forms: "IC", "Mgr.", "Dir" and "VP" name the levels; transitions by arrow, "->" and "to"; row groups', async () => {
    const { ladder, codes } = await read('test/fixtures/short-forms');
    const scope = ladder.dimensions.find((table) => table.kind === 'scope');
    expect(scope?.dimensions[0]?.cells.map((cell) => (cell.key.kind === 'level' ? cell.key.slug : ''))).toEqual(['ic', 'manager', 'director', 'vp']);
    const shifts = ladder.dimensions.find((table) => table.kind === 'shifts');
    expect(shifts?.dimensions.map((dimension) => dimension.name)).toEqual(['From', 'To']);
    expect(shifts?.dimensions[0]?.cells.map((cell) => (cell.key.kind === 'transition' ? `${cell.key.from}>${cell.key.to}` : ''))).toEqual(['ic>manager', 'ic>manager', 'manager>director', 'director>vp']);
    expect(ladder.dimensions.find((table) => table.title === 'Where the Week Goes')?.kind).toBe('time');
    // The one column naming no level is a warning with its position, not a silent drop.
    expect(codes).toEqual(['index.md:12:32 unmatched-level-header']);
  });

  it('short forms: facets filled where the document is silent, its own text winning elsewhere', async () => {
    const { ladder } = await read('test/fixtures/short-forms');
    const [ic, manager, director] = ladder.levels;
    expect(ic?.facets.origin).toEqual({ scope: 'ladder', skills: 'document', dayToDay: 'document', shifts: 'ladder' });
    expect(ic?.facets.transitions[0]?.paths[0]?.shifts.map((shift) => `${shift.from.text} → ${shift.to.text}`)).toEqual(['Doing the work → Enabling the squad', 'Own calendar → Shared calendar']);
    // Its own "Team size" wins over the overview's row; the overview's "Reports to" is added.
    expect(manager?.facets.scope.map((entry) => `${entry.label}: ${entry.value.text} (${entry.origin})`)).toEqual(['Team size: Six to eight engineers in one squad (document)', 'Reports to: Director (ladder)']);
    expect(manager?.facets.origin.scope).toBe('document');
    expect(manager?.facets.origin.dayToDay).toBe('ladder');
    expect(manager?.facets.dayToDay.map((period) => `${period.period}: ${period.items.map((item) => item.text).join()}`)).toEqual(['Building: 15%', 'Meetings: 50%']);
    expect(director?.facets.origin.skills).toBe('ladder');
    expect(director?.facets.skills.map((skill) => `${skill.category}: ${skill.text.text}`)).toEqual(['Technical: Picks platforms', 'People: Grows leads', 'Communication: Briefs the VP']);
    expect(director?.facets.transitions[0]?.paths[0]?.target).toEqual({ name: 'VP of Engineering', slug: 'vp' });
  });

  for (const [name, dir, before] of [
    ['the example', 'content', { filled: 28, cells: 130 }],
    ['the short-forms ladder', 'test/fixtures/short-forms', null],
  ] as const) {
    it(`${name}: at most 25 % of competency rows have a single filled cell`, async () => {
      const { ladder } = await read(dir);
      const fill = matrixFill(ladder);
      expect(fill.singleRows / fill.rows).toBeLessThanOrEqual(0.25);
      if (before) expect(fill.filled / fill.cells).toBeGreaterThan(before.filled / before.cells);
    });
  }
});
