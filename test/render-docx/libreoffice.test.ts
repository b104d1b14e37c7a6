import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { normalise, renderDocx } from './docx-helpers.js';

const LADDERS = { ks: 'test/fixtures/kitchen-sink', content: 'content' } as const;

/** LibreOffice opens every document: all are converted to PDF in one soffice run, then read back. */
describe('LibreOffice opens every Word document', () => {
  let dir: string;
  const ladders = new Map<string, Ladder>();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-docx-lo-'));
    for (const [prefix, folder] of Object.entries(LADDERS)) {
      const ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, folder));
      ladders.set(prefix, ladder);
      for (const [name, data] of await renderDocx(ladder)) await writeFile(path.join(dir, `${prefix}-${name}`), data);
    }
    const docs = Object.keys(LADDERS).flatMap((prefix) => [...(ladders.get(prefix)?.levels ?? [])].map((l) => `${prefix}-${l.slug}.docx`).concat(`${prefix}-ladder.docx`));
    // A private profile, so parallel runs (and a desktop LibreOffice) do not collide.
    execFileSync('soffice', [`-env:UserInstallation=file:///tmp/lo-${process.pid}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs], { cwd: dir, timeout: 240_000, stdio: 'pipe' });
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(`/tmp/lo-${process.pid}`, { recursive: true, force: true });
  });

  const pdfText = (name: string): string => {
    const pdf = path.join(dir, name.replace(/\.docx$/, '.pdf'));
    expect(existsSync(pdf), `${name} converted`).toBe(true);
    return normalise(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  };

  for (const prefix of Object.keys(LADDERS)) {
    it(`shows each level's title and sections (${prefix})`, () => {
      const ladder = ladders.get(prefix);
      if (!ladder) throw new Error('not read');
      expect(ladder.levels.length).toBeGreaterThan(0);
      for (const level of ladder.levels) {
        const text = pdfText(`${prefix}-${level.slug}.docx`);
        expect(text).toContain(normalise(level.title));
        for (const heading of level.headings.filter((h) => h.depth === 2)) expect(text, `${level.slug}: ${heading.text}`).toContain(normalise(heading.text));
      }
    });

    it(`shows every level of the book with its contents (${prefix})`, () => {
      const ladder = ladders.get(prefix);
      if (!ladder) throw new Error('not read');
      const text = pdfText(`${prefix}-ladder.docx`);
      expect(text).toContain(normalise(ladder.site.title));
      expect(text).toContain('Contents');
      for (const level of ladder.levels) {
        const title = normalise(level.title);
        // Once in the table of contents, once as the chapter heading.
        expect(text.split(title).length - 1, level.slug).toBeGreaterThanOrEqual(2);
      }
      for (const article of ladder.articles) expect(text).toContain(normalise(article.title));
    });
  }
});
