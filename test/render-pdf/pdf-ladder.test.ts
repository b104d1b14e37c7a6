import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { planPdfs } from '../../src/render/pdf/plan-pdfs.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { normalise, outline, pdfContext, pdfText, printedFiles, writeTemp } from './pdf-test-helpers.js';

const CONTENT = path.join(PROJECT_ROOT, 'content');
let ladder: Ladder;
let dir: string;
let filled: Level;
let upper: Level;

/** Prints only what these checks read: a level whose scope the overview fills (handout and profile) and the top level's handout. */
beforeAll(async () => {
  ladder = await readLadderOrThrow(CONTENT);
  filled = ladder.levels.find((level) => level.facets.origin.scope === 'ladder' && level.delta !== null) as Level;
  upper = ladder.levels.at(-1) as Level;
  const wanted = new Set([`${filled.slug}.pdf`, `${filled.slug}-profile.pdf`, `${upper.slug}.pdf`]);
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
      for (const item of [...delta.added, ...delta.removed]) expect(section, item.text.text).toContain(normalise(item.text.text));
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

  it('quotes skills as written in the profile, not split and re-joined', () => {
    const profile = pdfText(path.join(dir, `${filled.slug}-profile.pdf`));
    const first = filled.facets.skills[0];
    expect(first && profile).toContain(normalise(first?.text.text ?? ''));
  });
});
