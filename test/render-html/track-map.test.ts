import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trackMap } from '../../src/render/track-map.js';
import { readContent, readLadderOrThrow } from '../helpers/read-content.js';
import { EXAMPLE_CONTENT } from './build-site.js';
import { attr, byTag, hasClass, parsePage, type ParsedPage } from './parse-page.js';
import { renderFiles, tempDir } from './site-fixture.js';

describe('the track map on the home page', () => {
  let home: ParsedPage;

  beforeAll(async () => {
    const files = await renderFiles(await readLadderOrThrow(EXAMPLE_CONTENT));
    home = parsePage(files.get('index.html') ?? '');
  });

  it('is one inline SVG with a title, a description in words and a link to every level', () => {
    const svgs = byTag(home, 'svg').filter((svg) => hasClass(svg, 'track-map'));
    expect(svgs).toHaveLength(1);
    const svg = svgs[0];
    const inSvg = (tag: string): string[] =>
      home.elements.filter((element) => element.tagName === tag && isInside(element, svg)).map((element) => textOf(element));
    expect(inSvg('title')).toEqual(['Track map of the Engineering Career Ladder']);
    expect(inSvg('desc')[0]).toContain('Levels from entry to most senior: Engineer, Senior Engineer, Manager, Director, VP.');
    expect(inSvg('desc')[0]).toContain('VP to CTO (beyond the ladder) or CEO (beyond the ladder)');
    const links = home.elements.filter((element) => element.tagName === 'a' && isInside(element, svg));
    expect(links.map((link) => attr(link, 'href'))).toEqual(['engineer.html', 'senior-engineer.html', 'manager.html', 'director.html', 'vp.html']);
    expect(attr(links[4] as (typeof links)[number], 'ariaLabel')).toBe('VP, Level 5 of 5: VP of Engineering');
    // The exits are drawn, but are not links: they are no pages of this ladder.
    expect(inSvg('text')).toEqual(expect.arrayContaining(['CTO', 'CEO', 'beyond the ladder']));
  });
});

describe('tracks', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('tracks');
    await mkdir(path.join(dir, 'levels'));
    const level = (order: number, title: string, frontMatter: string, body: string): string => `---\norder: ${order}\n${frontMatter}---\n\n# ${title}\n\nIntro.\n\n${body}`;
    await writeFile(path.join(dir, 'levels', 'engineer.md'), level(5, 'Engineer', 'track: wizards\n', '## Transition to Senior Engineer\n\nGrow.\n'));
    await writeFile(path.join(dir, 'levels', 'senior.md'), level(4, 'Senior Engineer', '', '## Transition to Staff Engineer or Manager\n\nChoose.\n'));
    await writeFile(path.join(dir, 'levels', 'staff.md'), level(3, 'Staff Engineer', 'track: IC\n', '## Transition to Principal\n\nGo deep.\n'));
    await writeFile(path.join(dir, 'levels', 'manager.md'), level(2, 'Manager', 'track: management\n', '## Transition to Director\n\nLead leaders.\n'));
    await writeFile(path.join(dir, 'levels', 'principal.md'), level(1, 'Principal', 'track: Individual Contributor\n', '## Path to CTO\n\nLeave.\n'));
  });

  it('come from front matter; an unknown track is a warning at its line and the level is shared', async () => {
    const { ladder, diagnostics } = await readContent(dir);
    expect(diagnostics.all.filter((d) => d.code === 'unknown-track').map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`)).toEqual([
      expect.stringMatching(/engineer\.md:3 warning Unknown track "wizards"/),
    ]);
    const map = trackMap(ladder ?? expect.fail('no ladder'));
    expect(map.lanes.map((lane) => lane.name)).toEqual(['Individual contributor', 'Management']);
    expect(Object.fromEntries(map.levels.map((entry) => [entry.level.slug, entry.lane]))).toEqual({ engineer: null, senior: null, staff: 0, manager: 1, principal: 0 });
    expect(map.edges).toEqual(
      expect.arrayContaining([
        { kind: 'level', from: 'senior', to: 'staff' },
        { kind: 'level', from: 'senior', to: 'manager' },
        { kind: 'level', from: 'staff', to: 'principal' },
      ]),
    );
    expect(map.exits.map((exit) => `${exit.name}@${exit.row}`)).toEqual(['Director@3', 'CTO@4']);
  });

  it('make one unnamed lane when no level names one', async () => {
    const map = trackMap(await readLadderOrThrow(EXAMPLE_CONTENT));
    expect(map.lanes).toEqual([{ track: null, name: '' }]);
    expect(map.levels.every((entry) => entry.lane === 0)).toBe(true);
  });
});

function isInside(element: unknown, ancestor: unknown): boolean {
  const stack = [ancestor as { children?: unknown[] }];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === element) return true;
    stack.push(...((node?.children ?? []) as { children?: unknown[] }[]));
  }
  return false;
}

function textOf(node: unknown): string {
  const { type, value, children } = node as { type: string; value?: string; children?: unknown[] };
  return type === 'text' ? (value ?? '') : (children ?? []).map(textOf).join('');
}
