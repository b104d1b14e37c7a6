import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { DimensionKey, DimensionTable } from '../../src/model/types.js';
import { readDimensionTables } from '../../src/read/dimension-tables.js';
import { levelMatcher } from '../../src/read/level-matcher.js';
import { parseMarkdown } from '../../src/read/parse-markdown.js';
import { createHeadingIds } from '../../src/read/slugs.js';

const mention = levelMatcher([
  { slug: 'ic', names: ['Individual Contributor'] },
  { slug: 'manager', names: ['Engineering Manager'] },
  { slug: 'director', names: ['Director of Engineering'] },
]);

function read(markdown: string): { tables: DimensionTable[]; warnings: string[] } {
  const diagnostics = new Diagnostics();
  const tables = readDimensionTables({ body: parseMarkdown(markdown), file: 'index.md', shownFile: 'content/index.md' }, mention, createHeadingIds(), diagnostics);
  return { tables, warnings: diagnostics.all.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) };
}

const key = (k: DimensionKey): string => (k.kind === 'level' ? k.slug : `${k.from}>${k.to}`);
const flat = (table: DimensionTable | undefined): string[] => table?.dimensions.flatMap((d) => d.cells.map((c) => `${d.name} | ${key(c.key)} | ${c.value.text}`)) ?? [];

describe('readDimensionTables', () => {
  it('reads a shifts table whose transitions head groups of rows', () => {
    const { tables, warnings } = read(['## How the Job Changes', '', '| From | To |', '|---|---|', '| **IC → Manager** | |', '| Doing | Enabling |', '| Own calendar | Shared calendar |', '| **Manager → Director** | |', '| One team | Many teams |'].join('\n'));
    expect(warnings).toEqual([]);
    expect(tables[0]?.kind).toBe('shifts');
    expect(flat(tables[0])).toEqual([
      'From | ic>manager | Doing', 'From | ic>manager | Own calendar', 'From | manager>director | One team',
      'To | ic>manager | Enabling', 'To | ic>manager | Shared calendar', 'To | manager>director | Many teams',
    ]);
  });

  it('warns, with the position, about a row naming no level among rows that do', () => {
    const { tables, warnings } = read(['| Level | Team size |', '|---|---|', '| IC | 1 |', '| Staff | 1 |', '| Manager | 8 |'].join('\n'));
    expect(warnings).toEqual(['4:1 unmatched-level-header Row "Staff" of a cross-level table names no level of the ladder; its cells are not attached to a level']);
    expect(flat(tables[0])).toEqual(['Team size | ic | 1', 'Team size | manager | 8']);
    expect(tables[0]?.kind).toBe('scope');
    expect(tables[0]?.title).toBe('');
  });

  it('leaves tables alone that name fewer than two levels (a comparison with roles outside the ladder)', () => {
    const { tables, warnings } = read(['| Dimension | Director | CTO | CEO |', '|---|---|---|---|', '| Focus | Teams | Technology | Company |'].join('\n'));
    expect(tables).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('recognises kinds from other wording: percentages mean time, row names decide when the heading does not', () => {
    const time = read(['## Where the Hours Go', '', '| | IC | Manager |', '|---|---|---|', '| Code | 70% | 10% |', '| Meetings | 10% | 60–70 % |'].join('\n'));
    expect(time.tables[0]?.kind).toBe('time');
    const scope = read(['## At a Glance', '', '| | IC | Manager |', '|---|---|---|', '| Span of control | none | 6 |', '| Reports to | Lead | Director |', '| Budget | none | small |'].join('\n'));
    expect(scope.tables[0]?.kind).toBe('scope');
    const other = read(['## At a Glance', '', '| | IC | Manager |', '|---|---|---|', '| Motto | Ship it | Grow them |'].join('\n'));
    expect(other.tables[0]?.kind).toBe('other');
  });
});
