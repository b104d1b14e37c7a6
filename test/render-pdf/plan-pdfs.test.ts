import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import type { Ladder } from '../../src/model/types.js';
import { planChecklists, type ChecklistJob } from '../../src/render/checklist/plan-checklists.js';
import { isWordJob, type WordJob } from '../../src/render/docx/word-job.js';
import { pdfDate, pdfString } from '../../src/render/pdf/fix-pdf-metadata.js';
import { planPdfs, type PdfJob } from '../../src/render/pdf/plan-pdfs.js';
import { dropOrder } from '../../src/render/pdf/profile-view.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { pdfContext } from './pdf-test-helpers.js';

const kitchenSink = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');

async function plan(mutate: (ladder: Ladder) => Ladder = (l) => l, toolVersion = '0.0.0-test'): Promise<PdfJob[]> {
  const ladder = mutate(await readLadderOrThrow(kitchenSink));
  return planPdfs(ladder, pdfContext(kitchenSink, { toolVersion }));
}

function job(jobs: readonly PdfJob[], file: string): PdfJob {
  const found = jobs.find((j) => j.path === file);
  if (!found) throw new Error(`no job ${file}`);
  return found;
}

/** ids and in-document link targets of an HTML document. */
function anchors(html: string): { ids: Set<string>; targets: string[] } {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
  const targets = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1] ?? '');
  return { ids, targets };
}

describe('planPdfs', () => {
  it('plans a handout and a profile per level, then the book', async () => {
    expect((await plan()).map((j) => j.path)).toEqual(['alpha.pdf', 'alpha-profile.pdf', 'beta.pdf', 'beta-profile.pdf', 'ladder.pdf']);
  });

  it('builds self-contained HTML: styles inlined, no remote requests, language and title set', async () => {
    for (const j of await plan()) {
      expect(j.html).toMatch(/^<!doctype html>\n<html lang="en"/);
      expect(j.html).toContain("default-src 'none'");
      expect(j.html).toContain('thead { display: table-header-group; }');
      expect(j.html).not.toMatch(/<(img|link|script|iframe)\b[^>]*(src|href)="(https?:)?\/\//);
      expect(j.html).not.toMatch(/<script/);
      expect(parse(j.html).childNodes.length).toBeGreaterThan(0);
    }
    const alpha = job(await plan(), 'alpha.pdf');
    expect(alpha.html).toContain('<title>Alpha Engineer</title>');
    expect(alpha.html).toContain('[Image: Diagram of the ladder]');
  });

  it('keys every job by its HTML, paper, options, metadata and the tool version', async () => {
    const base = await plan();
    const letter = await plan((l) => ({ ...l, site: { ...l.site, paper: 'Letter' } }));
    const newer = await plan(undefined, '9.9.9');
    const retitled = await plan((l) => ({ ...l, site: { ...l.site, title: `${l.site.title} (draft)` } }));
    for (const [i, j] of base.entries()) {
      // A digest of what the job depends on, not a second copy of its HTML (a 500-level ladder plans 1001 PDFs).
      expect(j.key).toMatch(/^[0-9a-f]{64}$/);
      expect(retitled[i]?.html).not.toBe(j.html);
      expect(retitled[i]?.key).not.toBe(j.key);
      expect(letter[i]?.key).not.toBe(j.key);
      expect(letter[i]?.setup.format).toBe('Letter');
      expect(newer[i]?.key).not.toBe(j.key);
    }
    expect((await plan()).map((j) => j.key)).toEqual(base.map((j) => j.key));
  });

  it('runs a header with the site and document name and a "Page X of Y" footer on handouts only', async () => {
    const jobs = await plan();
    const alpha = job(jobs, 'alpha.pdf');
    expect(alpha.headerTemplate).toContain('Kitchen Sink Ladder');
    expect(alpha.headerTemplate).toContain('Alpha Engineer');
    expect(alpha.footerTemplate).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    // When the level last changed (the test model's levels carry the site's date).
    expect(alpha.footerTemplate).toContain('Updated January 1, 2000');
    expect(job(jobs, 'alpha-profile.pdf').html).toContain('Updated January 1, 2000');
    expect(job(jobs, 'alpha-profile.pdf').setup.displayHeaderFooter).toBe(false);
    expect(job(jobs, 'alpha-profile.pdf').fitOnePage).toBe(true);
    // The book draws its own (margin boxes, none on the cover) and numbers its contents in a second pass.
    expect(job(jobs, 'ladder.pdf').setup.displayHeaderFooter).toBe(false);
    expect(job(jobs, 'ladder.pdf').numberContents).toBe(true);
    expect(job(jobs, 'ladder.pdf').html).toContain('--running-site: &quot;Kitchen Sink Ladder&quot;');
  });

  it('resolves every in-document link of the book and the handouts to an anchor', async () => {
    for (const j of await plan()) {
      const { ids, targets } = anchors(j.html);
      if (j.path === 'alpha.pdf' || j.path === 'ladder.pdf') expect(targets.length, j.path).toBeGreaterThan(0);
      expect(targets.filter((t) => !ids.has(t)), j.path).toEqual([]);
    }
  });

  it('links handouts to the site pages only when the site URL is known, absolutely', async () => {
    const relative = job(await plan(), 'alpha-profile.pdf');
    expect(relative.html).not.toContain('href="alpha.html"');
    const absolute = job(await plan((l) => ({ ...l, site: { ...l.site, url: 'https://ladder.example.com/careers/' } })), 'alpha-profile.pdf');
    expect(absolute.html).toContain('href="https://ladder.example.com/careers/alpha.html"');
    const handout = job(await plan((l) => ({ ...l, site: { ...l.site, url: 'https://ladder.example.com/' } })), 'alpha.pdf');
    expect(handout.html).toContain('href="https://ladder.example.com/beta.html"');
  });

  it('puts the level, the site and the date into the metadata', async () => {
    const alpha = job(await plan(), 'alpha.pdf');
    expect(alpha.metadata).toMatchObject({ title: 'Alpha Engineer', author: 'Kitchen Sink Ladder', creator: 'ladderpress 0.0.0-test' });
    expect(alpha.metadata.keywords).toContain('career ladder');
  });
});

describe('planned print jobs', () => {
  it('hold their HTML packed until the browser reads it, checklists too', async () => {
    // A 500-level ladder plans 1,500 print jobs; as strings their HTML would sit on the heap until printed.
    const ladder = await readLadderOrThrow(kitchenSink);
    const context = pdfContext(kitchenSink);
    const checklists = (await planChecklists(ladder, context)).filter((planned): planned is Exclude<ChecklistJob, WordJob> => !isWordJob(planned));
    const jobs = [...(await planPdfs(ladder, context)), ...checklists];
    expect(checklists).toHaveLength(ladder.levels.length);
    for (const planned of jobs) {
      expect(Object.getOwnPropertyDescriptor(planned, 'html')?.get, planned.path).toBeTypeOf('function');
      expect(planned.html).toMatch(/^<!doctype html>/);
    }
  });
});

describe('profile drop order', () => {
  it('gives up extra bullets first, evenly from the last group, and never the first item of a group', () => {
    const order = [...dropOrder([4, 4, 2], 6, 3).entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
    expect(order.slice(0, 4)).toEqual(['item:1:3', 'item:0:3', 'item:1:2', 'item:0:2']);
    expect(order).not.toContain('item:0:0');
    expect(order).not.toContain('group:0');
    expect(order.indexOf('skill:5')).toBeLessThan(order.indexOf('intro'));
    expect(dropOrder([4, 4, 2], 6, 3)).toEqual(dropOrder([4, 4, 2], 6, 3));
  });
});

describe('PDF metadata strings', () => {
  it('writes ASCII as literal strings and anything else as UTF-16BE', () => {
    expect(pdfString('VP (Engineering)')).toBe('(VP \\(Engineering\\))');
    expect(pdfString('é')).toBe('<FEFF00E9>');
    expect(pdfString('🚀')).toBe('<FEFFD83DDE80>');
  });

  it('writes dates in UTC', () => {
    expect(pdfDate('2000-01-01T00:00:00.000Z')).toBe("(D:20000101000000+00'00')");
    expect(pdfDate('2024-05-06T12:34:56+02:00')).toBe("(D:20240506103456+00'00')");
  });
});

describe('images in print HTML', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it('inlines local images and the logo, never reads outside the content folder, shows remote ones as alt text', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-pdf-images-'));
    await cp(kitchenSink, dir, { recursive: true });
    await mkdir(path.join(dir, 'img'));
    await writeFile(path.join(dir, 'img', 'diagram.png'), PNG);
    await writeFile(path.join(path.dirname(dir), 'outside.png'), PNG);
    const alpha = path.join(dir, 'levels', 'alpha.md');
    await writeFile(alpha, `${await readFile(alpha, 'utf8')}\n![Local diagram](../img/diagram.png)\n\n![Outside](../../outside.png)\n`);
    const ladder = await readLadderOrThrow(dir);
    const withLogo: Ladder = { ...ladder, site: { ...ladder.site, theme: { ...ladder.site.theme, logo: 'img/diagram.png' } } };
    const jobs = await planPdfs(withLogo, pdfContext(dir));
    const handout = job(jobs, 'alpha.pdf').html;
    expect(handout).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Local diagram">/);
    expect(handout).toContain('[Image: Outside]');
    expect(handout).toContain('[Image: Diagram of the ladder]');
    expect(job(jobs, 'alpha-profile.pdf').html).toMatch(/<img class="logo" src="data:image\/png;base64,/);
    expect(job(jobs, 'ladder.pdf').html).toMatch(/<img class="logo" src="data:image\/png;base64,/);
  });
});
