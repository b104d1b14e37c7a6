import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { checklistOf, checklistRows, type ChecklistRow } from '../../src/render/checklist-rows.js';
import { checklistDocx, CHECK_BOXES_PER_ROW } from '../../src/render/docx/checklist-docx.js';
import { readDocx } from '../../src/verify/read-docx.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { EXAMPLE_CONTENT } from '../render-html/build-site.js';
import { byTag, readPage } from '../render-html/parse-page.js';
import { tempDir } from '../render-html/site-fixture.js';
import { normalise, pdfText } from '../render-pdf/pdf-test-helpers.js';

const PACK = { date: '2026-01-15', reference: null, fonts: '', extraStyles: '' };

/** The document part of a .docx. */
function documentXml(docx: Uint8Array): string {
  const part = unzipSync(docx)['word/document.xml'];
  if (!part) throw new Error('no word/document.xml');
  return strFromU8(part);
}

const checkBoxes = (xml: string): number => xml.match(/<w14:checkbox>/g)?.length ?? 0;
const rowText = (row: ChecklistRow): string => normalise(`${row.label ? `${row.label}: ` : ''}${row.text}`);

describe('readiness checklists', () => {
  let out: string;
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
    const dir = await tempDir('checklist');
    out = path.join(dir, 'out');
    const outcome = await build({ contentDir: EXAMPLE_CONTENT, outDir: out, configFile: null, formats: ['html', 'checklist'], strict: false, concurrency: 1, cacheDir: path.join(dir, 'cache') });
    expect(outcome.failure).toBeNull();
    expect(outcome.exitCode).toBe(0);
  }, 180_000);

  it('gives every expectation of every level a Self and a Manager check box in Word (w14:checkbox content controls)', async () => {
    for (const level of ladder.levels) {
      const rows = checklistRows(checklistOf(ladder, level));
      const file = path.join(out, `${level.slug}-checklist.docx`);
      const xml = documentXml(await readFile(file));
      expect(checkBoxes(xml), level.slug).toBe(rows.length * CHECK_BOXES_PER_ROW);
      // Unticked, and in the w14 namespace Word and LibreOffice toggle.
      expect(xml).toMatch(/xmlns:w14="http:\/\/schemas\.microsoft\.com\/office\/word\/2010\/wordml"/);
      expect(xml.match(/<w14:checked w14:val="1"/g)).toBeNull();
      const text = normalise((await readDocx(file)).text);
      for (const row of rows) expect(text, `${level.slug}: ${row.text}`).toContain(rowText(row));
    }
  });

  it('lists responsibilities, skills by competency, readiness and the scope that grew, marked against the level below', () => {
    const vp = ladder.levels.find((level) => level.slug === 'vp');
    if (!vp) throw new Error('no vp');
    const checklist = checklistOf(ladder, vp);
    expect(checklist.sections.map((section) => section.title)).toEqual(['Scope', 'Responsibilities', 'Skills', 'Readiness for the next level']);
    expect(checklist.below).toBe('Director');
    const rows = checklistRows(checklist);
    expect(rows.length).toBe(40);
    expect(rows.filter((row) => row.change === 'grown').length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.change === 'new').length).toBeGreaterThan(0);
    expect(checklist.sections.at(-1)?.groups.map((group) => group.name)).toEqual(['Ready for CTO', 'Ready for CEO']);
  });

  it('prints the same rows in the PDF, with room to write', async () => {
    for (const level of ladder.levels) {
      const text = pdfText(path.join(out, `${level.slug}-checklist.pdf`));
      expect(text).toContain(normalise(`${level.title} — readiness checklist`));
      expect(text).toContain(normalise('Expectation Self Manager Evidence'));
      for (const row of checklistRows(checklistOf(ladder, level))) expect(text, `${level.slug}: ${row.text}`).toContain(rowText(row));
    }
  });

  it('still lists the expectations of a level with no readiness items', async () => {
    const [first] = ladder.levels;
    if (!first) throw new Error('no levels');
    const bare = { ...first, facets: { ...first.facets, readiness: [] } };
    const checklist = checklistOf({ ...ladder, levels: [bare, ...ladder.levels.slice(1)] }, bare);
    expect(checklist.sections.map((section) => section.title)).toEqual(['Responsibilities', 'Skills']);
    const rows = checklistRows(checklist);
    expect(rows.length).toBeGreaterThan(10);
    expect(checkBoxes(documentXml(await checklistDocx(ladder.site, checklist, PACK, new Diagnostics())))).toBe(rows.length * CHECK_BOXES_PER_ROW);
  });

  it('offers both on the level page and lists them in manifest.json', async () => {
    const page = await readPage(out, 'vp.html');
    const links = byTag(page, 'a').filter((a) => String(a.properties['href']).includes('-checklist.'));
    expect(links.map((a) => a.properties['href'])).toEqual(['vp-checklist.docx', 'vp-checklist.pdf']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { levels: { slug: string; files: { kind: string }[] }[] };
    expect(manifest.levels.find((level) => level.slug === 'vp')?.files.map((file) => file.kind)).toEqual(['html', 'checklist-docx', 'checklist-pdf']);
  });

  describe('through LibreOffice', () => {
    const profile = `/tmp/lo-checklist-${process.pid}`;
    afterAll(async () => rm(profile, { recursive: true, force: true }));

    it('opens the Word checklist and shows its rows', async () => {
      const dir = await tempDir('checklist-lo');
      await writeFile(path.join(dir, 'vp-checklist.docx'), await readFile(path.join(out, 'vp-checklist.docx')));
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, 'vp-checklist.docx'], { cwd: dir, timeout: 120_000, stdio: 'pipe' });
      const pdf = path.join(dir, 'vp-checklist.pdf');
      expect(existsSync(pdf)).toBe(true);
      const text = normalise(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }));
      const vp = ladder.levels.find((level) => level.slug === 'vp');
      if (!vp) throw new Error('no vp');
      for (const row of checklistRows(checklistOf(ladder, vp))) expect(text, row.text).toContain(normalise(row.text));
      // The unticked boxes are drawn: one ☐ per box.
      expect(text.match(/☐/g)?.length).toBe(checklistRows(checklistOf(ladder, vp)).length * CHECK_BOXES_PER_ROW);
    }, 150_000);
  });
});
