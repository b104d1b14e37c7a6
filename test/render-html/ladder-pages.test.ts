import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { buildSite, EXAMPLE_CONTENT } from './build-site.js';
import { attr, byTag, collapse, hasClass, parsePage, readPage, type ParsedPage } from './parse-page.js';
import { renderFiles, tempDir } from './site-fixture.js';
import { withLadderExtras } from '../helpers/ladder-extras.js';
import { overviewScopeRows } from '../helpers/scope-rows.js';

let outDir: string;
let ladder: Ladder;

beforeAll(async () => {
  outDir = await tempDir('ladder-pages');
  await buildSite(EXAMPLE_CONTENT, outDir, ['html']);
  ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
});

const textOf = (element: Element): string => collapse(flatText(element));
// Whitespace and quote style aside: every format sets straight quotes as typographic ones.
const squash = (text: string): string => text.replace(/\s+/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
function flatText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? ` ${flatText(child)} ` : '')).join('');
}
const byClass = (page: ParsedPage, name: string): Element[] => page.elements.filter((element) => hasClass(element, name));

describe('the skills matrix', () => {
  it('has one row per competency and one column per level', async () => {
    const page = await readPage(outDir, 'matrix.html');
    const rows = byTag(page, 'th').filter((th) => attr(th, 'scope') === 'row').map(textOf);
    expect(rows).toEqual(ladder.competencies.map((competency) => competency.name));
    expect(byTag(page, 'th').filter((th) => attr(th, 'scope') === 'col')).toHaveLength(ladder.levels.length + 1);
  });

  it('shows every skills cell as written, never split at commas or lower-cased', async () => {
    const page = await readPage(outDir, 'matrix.html');
    const cells = byTag(page, 'td').map(textOf);
    for (const level of ladder.levels) {
      for (const skill of level.facets.skills) {
        expect(skill.skills.length, `${level.slug} ${skill.category} is a list`).toBeGreaterThan(0);
        // Whitespace aside: inline code adds element boundaries to the extracted text.
        expect(cells.some((cell) => squash(cell).includes(squash(skill.text.text))), `${level.slug}: ${skill.text.text}`).toBe(true);
      }
    }
    // A split fragment would be a cell or list item of its own.
    const fragments = new Set(ladder.levels.flatMap((level) => level.facets.skills.flatMap((skill) => (skill.skills.length > 1 ? skill.skills : []))));
    expect(byTag(page, 'li').map(textOf).filter((text) => fragments.has(text))).toEqual([]);
  });

  it('fills most cells on the example: at most a quarter of the rows have a single filled cell', async () => {
    const page = await readPage(outDir, 'matrix.html');
    const rows = byTag(page, 'tr').filter((tr) => tr.children.some((child) => child.type === 'element' && child.tagName === 'td'));
    const filledPerRow = rows.map((tr) => tr.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'td' && !byClassIn(child, 'muted')).length);
    expect(filledPerRow.filter((filled) => filled === 1).length / rows.length).toBeLessThanOrEqual(0.25);
    expect(filledPerRow.reduce((sum, filled) => sum + filled, 0) / (rows.length * ladder.levels.length)).toBeGreaterThan(0.6);
  });

  it('marks cells that only the overview fills, and links the overview', async () => {
    const page = await readPage(outDir, 'matrix.html');
    const fromOverview = ladder.competencies.flatMap((competency) => competency.cells.filter((cell) => cell.from === 'ladder'));
    expect(fromOverview.length).toBeGreaterThan(0);
    expect(byTag(page, 'td').filter((td) => hasClass(td, 'from-ladder'))).toHaveLength(fromOverview.length);
    expect(byTag(page, 'a').filter((a) => attr(a, 'href') === 'index.html').length).toBeGreaterThanOrEqual(1);
  });
});

function byClassIn(element: Element, name: string): boolean {
  return element.children.some((child) => child.type === 'element' && (hasClass(child, name) || byClassIn(child, name)));
}

describe('what changes from level to level', () => {
  it('shows each level but the lowest what changes from the level below, near the top', async () => {
    for (const [index, level] of ladder.levels.entries()) {
      const page = await readPage(outDir, `${level.slug}.html`);
      const delta = byClass(page, 'delta');
      if (index === 0) {
        expect(delta, level.slug).toHaveLength(0);
        continue;
      }
      const below = ladder.levels[index - 1] as Level;
      expect(delta, level.slug).toHaveLength(1);
      const heading = byTag(page, 'h2').find((h2) => attr(h2, 'id') === 'lp-delta');
      expect(heading && textOf(heading)).toBe(`What changes from ${below.label}`);
      // Before the role's own sections: right after the intro.
      const html = await readFile(path.join(outDir, `${level.slug}.html`), 'utf8');
      expect(html.indexOf('id="lp-delta"')).toBeLessThan(html.indexOf(`id="${level.headings[0]?.id}"`));
    }
  });

  it('lists every item of the delta, folding long lists instead of dropping them', async () => {
    const level = ladder.levels.find((candidate) => candidate.delta && candidate.delta.added.length > 6) as Level;
    const page = await readPage(outDir, `${level.slug}.html`);
    const [section] = byClass(page, 'delta');
    const items = section ? collectTag(section, 'li') : [];
    const delta = level.delta!;
    expect(items).toHaveLength(delta.added.length + delta.grown.length + delta.removed.length);
    expect(section && collectTag(section, 'details').length).toBeGreaterThan(0);
    for (const item of delta.added) expect(items.map(textOf).some((text) => text.includes(collapse(item.text.text))), item.text.text).toBe(true);
  });

  it('folds what the upper level does not restate into one section that says what it is, with a count per facet', async () => {
    for (const [index, level] of ladder.levels.entries()) {
      if (index === 0 || !level.delta || level.delta.removed.length === 0) continue;
      const below = ladder.levels[index - 1] as Level;
      const page = await readPage(outDir, `${level.slug}.html`);
      const [section] = byClass(page, 'delta-not-restated');
      expect(section?.tagName, level.slug).toBe('details');
      expect(section && attr(section, 'open'), level.slug).toBeNull();
      const summary = section && collectTag(section, 'summary')[0];
      expect(summary && textOf(summary), level.slug).toContain(`Not restated at ${level.label}`);
      expect(summary && textOf(summary), level.slug).toMatch(/Responsibilities \d+/);
      expect(section && textOf(section), level.slug).toContain(`the ${below.label} description says and the ${level.label} description does not repeat`);
      const items = section ? collectTag(section, 'li').map(textOf) : [];
      expect(items, level.slug).toHaveLength(level.delta.removed.length);
      for (const item of level.delta.removed) expect(items.some((text) => squash(text).includes(squash(item.text.text))), item.text.text).toBe(true);
      expect(page.text, level.slug).not.toContain('No longer expected');
    }
  });

  it('marks what grew word by word, or shows what it was', async () => {
    const level = ladder.levels.find((candidate) => (candidate.delta?.grown.length ?? 0) > 0) as Level;
    const page = await readPage(outDir, `${level.slug}.html`);
    const [section] = byClass(page, 'delta');
    const grown = section ? collectTag(section, 'div').filter((div) => hasClass(div, 'delta-grown')) : [];
    expect(grown.length).toBeGreaterThan(0);
    const marks = grown.flatMap((div) => [...collectTag(div, 'ins'), ...collectTag(div, 'del'), ...collectTag(div, 'span').filter((span) => hasClass(span, 'delta-before'))]);
    expect(marks.length).toBeGreaterThan(0);
  });

  it('compares any two levels on their compare page, lower level first', async () => {
    const [lowest, , , , highest] = ladder.levels;
    const page = await readPage(outDir, `compare/${lowest?.slug}-vs-${highest?.slug}.html`);
    expect(byTag(page, 'h2').map(textOf)).toContain(`What changes from ${lowest?.label} to ${highest?.label}`);
    const picker = await readPage(outDir, 'compare.html');
    const link = picker.elements.find((element) => hasClass(element, 'compare-delta-link'));
    expect(link && attr(link, 'dataPairUrl')).toBe('compare/{a}-vs-{b}.html');
  });
});

describe('facets filled from the ladder overview', () => {
  it('shows the scope the overview gives on the level page and its home card, marked as from the overview', async () => {
    const filled = ladder.levels.filter((level) => level.facets.origin.scope === 'ladder');
    expect(filled.length).toBeGreaterThan(0);
    const home = await readPage(outDir, 'index.html');
    const cards = home.elements.filter((element) => hasClass(element, 'level-card'));
    for (const level of filled) {
      const page = await readPage(outDir, `${level.slug}.html`);
      for (const entry of level.facets.scope) expect(page.text).toContain(collapse(entry.value.text));
      // The time-allocation chart has a note of its own.
      const note = byClass(page, 'from-ladder-note').map(textOf).filter((text) => text.startsWith('Scope'));
      expect(note).toEqual(['Scope from the ladder overview']);
      const card = cards[ladder.levels.indexOf(level)];
      expect(card && collectTag(card, 'dl')).toHaveLength(1);
    }
  });

  it('shows every overview scope row on every level page, each entry the overview added marked', async () => {
    const rows = overviewScopeRows(ladder);
    expect(rows.length).toBe(25);
    for (const { level, row, shown } of rows) {
      expect(shown, `${level.slug}: ${row}`).toBeDefined();
      const page = await readPage(outDir, `${level.slug}.html`);
      const [scope] = page.elements.filter((element) => element.tagName === 'dl' && hasClass(element, 'scope'));
      const entry = scope && collectTag(scope, 'div').find((div) => collapse(flatText(collectTag(div, 'dt')[0] as Element)).startsWith(shown?.label ?? '\u0000'));
      expect(entry, `${level.slug}: ${row}`).toBeDefined();
      expect(squash(textOf(collectTag(entry as Element, 'dd')[0] as Element))).toBe(squash(shown?.value.text ?? ''));
      // A mark where the overview added to the level's own scope; one note instead when it gave all of it.
      const mixed = level.facets.scope.some((other) => other.origin === 'document');
      expect(collectTag(entry as Element, 'a').some((a) => hasClass(a, 'from-ladder-mark')), `${level.slug}: ${row}`).toBe(mixed && shown?.origin === 'ladder');
    }
  });

  it('shows skills the overview fills in a section of its own, marked as from the overview', async () => {
    const extras = withLadderExtras(ladder);
    const level = extras.levels[1] as Level;
    const filledSkills: Ladder = {
      ...extras,
      levels: extras.levels.map((candidate) =>
        candidate === level ? { ...candidate, facets: { ...candidate.facets, origin: { ...candidate.facets.origin, skills: 'ladder' } } } : candidate,
      ),
    };
    const page = parsePage((await renderFiles(filledSkills)).get(`${level.slug}.html`) ?? '');
    const section = page.elements.find((element) => hasClass(element, 'ladder-facets'));
    expect(section && textOf(section)).toContain('From the ladder overview');
    for (const skill of level.facets.skills) expect(section && textOf(section)).toContain(collapse(skill.text.text));
  });
});

function collectTag(element: Element, tagName: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tagName) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}
