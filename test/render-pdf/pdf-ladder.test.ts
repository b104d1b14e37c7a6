import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { planPdfs } from '../../src/render/pdf/plan-pdfs.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { overviewScopeRows } from '../helpers/scope-rows.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { normalise, outline, pdfContext, pdfinfo, pdfText, printedFiles, writeTemp } from './pdf-test-helpers.js';

const CONTENT = path.join(PROJECT_ROOT, 'content');
let ladder: Ladder;
let dir: string;
let filled: Level;
let upper: Level;

/** Prints only what these checks read: every level's handout and profile (the book is left out). */
beforeAll(async () => {
  ladder = await readLadderOrThrow(CONTENT);
  filled = ladder.levels.find((level) => level.facets.origin.scope === 'ladder' && level.delta !== null) as Level;
  upper = ladder.levels.at(-1) as Level;
  const wanted = new Set(ladder.levels.flatMap((level) => [`${level.slug}.pdf`, `${level.slug}-profile.pdf`]));
  const context = pdfContext(CONTENT);
  const jobs = (await planPdfs(ladder, context)).filter((job) => wanted.has(job.path));
  dir = writeTemp(await printedFiles(jobs, context));
});

describe('PDFs of the example: the ladder as a whole', () => {
  it('ends the handout with what changes from the level below, every item listed and bookmarked', () => {
    for (const level of [filled, upper]) {
      const file = path.join(dir, `${level.slug}.pdf`);
      const below = ladder.levels[ladder.levels.indexOf(level) - 1] as Level;
      const text = pdfText(file);
      const start = text.indexOf(normalise(`What changes from ${below.label}`));
      expect(start, level.slug).toBeGreaterThan(0);
      const section = text.slice(start);
      const delta = level.delta!;
      for (const item of delta.added) expect(section, item.text.text).toContain(normalise(item.text.text));
      // What the level does not restate, all of it, after its own heading.
      const notRestated = section.indexOf(normalise(`Not restated at ${level.label}`));
      expect(notRestated, level.slug).toBeGreaterThan(0);
      // An item may run across a page break: the running head and foot between its halves go.
      const runIn = section.slice(notRestated).replace(new RegExp(`${normalise(ladder.site.title)}.{0,120}?Page\\d+of\\d+`, 'g'), '');
      for (const item of delta.removed) expect(runIn, item.text.text).toContain(normalise(item.text.text));
      expect(outline(file).map((line) => line.trim())).toContain(`What changes from ${below.label}`);
    }
  });

  it('shows the scope the overview gives under the handout title and in the profile, marked as from the overview', () => {
    const handout = pdfText(path.join(dir, `${filled.slug}.pdf`));
    const profile = pdfText(path.join(dir, `${filled.slug}-profile.pdf`));
    expect(handout).toContain(normalise('Scope from the ladder overview'));
    expect(profile.toLowerCase()).toContain(normalise('Scope from the ladder overview').toLowerCase());
    for (const entry of filled.facets.scope) {
      expect(handout.indexOf(normalise(entry.value.text)), entry.label).toBeGreaterThan(-1);
      expect(handout.indexOf(normalise(entry.value.text))).toBeLessThan(handout.indexOf(normalise(filled.headings[0]?.text ?? '\u0000')));
    }
    expect(profile).toContain(normalise(filled.facets.scope[0]?.value.text ?? '\u0000'));
  });

  it('shows every overview scope row of every level in its handout, before the body, and in its one-page profile', () => {
    const rows = overviewScopeRows(ladder);
    expect(rows.length).toBe(25);
    const texts = new Map<string, string>();
    const textOf = (file: string): string => texts.get(file) ?? texts.set(file, pdfText(path.join(dir, file))).get(file) ?? '';
    for (const level of ladder.levels) expect(pdfinfo(path.join(dir, `${level.slug}-profile.pdf`))['Pages'], level.slug).toBe('1');
    for (const { level, row, shown } of rows) {
      const handout = textOf(`${level.slug}.pdf`);
      const profile = textOf(`${level.slug}-profile.pdf`);
      const value = normalise(shown?.value.text ?? '\u0000');
      expect(handout.indexOf(value), `${level.slug}: ${row}`).toBeGreaterThan(-1);
      expect(handout.indexOf(value), `${level.slug}: ${row}`).toBeLessThan(handout.indexOf(normalise(level.headings[0]?.text ?? '\u0000')));
      expect(profile, `${level.slug}: ${row}`).toContain(value);
      // Added to the level's own scope: marked; given whole: said once.
      const mixed = level.facets.scope.some((entry) => entry.origin === 'document');
      if (mixed && shown?.origin === 'ladder') {
        // The handout sets labels in capitals.
        expect(handout.toLowerCase(), `${level.slug}: ${row}`).toContain(normalise(`${shown.label} overview`).toLowerCase());
        expect(profile.toLowerCase(), `${level.slug}: ${row}`).toContain(normalise(`${shown.label} overview`).toLowerCase());
      }
    }
  });

  it('quotes skills as written in the profile, not split and re-joined', () => {
    const profile = pdfText(path.join(dir, `${filled.slug}-profile.pdf`));
    const first = filled.facets.skills[0];
    expect(first && profile).toContain(normalise(first?.text.text ?? ''));
  });
});
