import { describe, expect, it } from 'vitest';
import type { DimensionTable, Level } from '../../src/model/types.js';
import { alignCompetencies } from '../../src/read/align-competencies.js';
import { inline, makeLevel } from '../helpers/make-level.js';

const withSkills = (slug: string, ...categories: [string, string][]): Level =>
  makeLevel(slug, { skills: categories.map(([category, text]) => ({ category, text: inline(text), skills: text.split(', ') })), origin: { scope: 'none', skills: 'document', dayToDay: 'none', shifts: 'none' } });

const rows = (levels: readonly Level[], dimensions: readonly DimensionTable[] = [], overrides: Record<string, string[]> = {}): string[] =>
  alignCompetencies(levels, dimensions, overrides).map((row) => `${row.name} [${row.alignedBy}] ${row.cells.map((cell) => `${cell.level}:${cell.names.join('+') || '·'}`).join(' ')}`);

describe('alignCompetencies', () => {
  it('aligns by normalised name (case and punctuation), by synonym family, and leaves the rest single', () => {
    const levels = [
      withSkills('a', ['Communication', 'Clear tickets'], ['Mentoring', 'Pairing'], ['Gardening', 'Roses']),
      withSkills('b', ['communication.', 'Team updates'], ['Coaching', 'Feedback, growth plans']),
    ];
    expect(rows(levels)).toEqual(['Communication [name] a:Communication b:communication.', 'Mentoring [synonym] a:Mentoring b:Coaching', 'Gardening [single] a:Gardening']);
  });

  it("takes the overview's skills dimension as rows, filling levels without a category from it", () => {
    const skills: DimensionTable = {
      id: 'skills', title: 'Skills Evolution', kind: 'skills', source: { file: 'index.md', line: 1, column: 1 },
      dimensions: [{ name: 'People', cells: ['a', 'b'].map((slug) => ({ key: { kind: 'level' as const, slug }, value: inline(`people at ${slug}`), source: { file: 'index.md', line: 3, column: 1 } })) }],
    };
    const aligned = alignCompetencies([withSkills('a', ['Mentoring', 'Pairing']), withSkills('b', ['Hiring', 'Interviews'])], [skills], {});
    expect(aligned.map((row) => row.name)).toEqual(['People']);
    expect(aligned[0]?.alignedBy).toBe('ladder');
    expect(aligned[0]?.cells.map((cell) => `${cell.level}:${cell.from}:${cell.texts.map((t) => t.text).join('|')}`)).toEqual(['a:level:Pairing', 'b:level:Interviews']);
    const sparse = alignCompetencies([withSkills('a', ['Mentoring', 'Pairing']), withSkills('b')], [skills], {});
    expect(sparse[0]?.cells.map((cell) => `${cell.level}:${cell.from}:${cell.texts.map((t) => t.text).join('|')}`)).toEqual(['a:level:Pairing', 'b:ladder:people at b']);
  });

  it('follows the config override, for categories and responsibility groups, before anything else', () => {
    const a = withSkills('a', ['Mentoring', 'Pairing']);
    const b = makeLevel('b', { responsibilities: [{ name: 'Talent', items: [inline('Hire well')] }], skills: [{ category: 'People Leadership', text: inline('Succession'), skills: ['Succession'] }] });
    expect(rows([a, b], [], { People: ['people leadership', 'Mentoring', 'TALENT'] })).toEqual(['People [config] a:Mentoring b:People Leadership+Talent']);
  });

  it('never splits or re-cases the text: a cell holds the skills cell as written', () => {
    const [row] = alignCompetencies([withSkills('a', ['Programming', 'Idiomatic style, debugging (`git bisect`), Reading code'])], [], {});
    expect(row?.cells[0]?.texts.map((text) => text.text)).toEqual(['Idiomatic style, debugging (`git bisect`), Reading code']);
  });
});
