import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { overviewScopeRows } from '../helpers/scope-rows.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { unzipSync } from 'fflate';
import { normalise, part, parts, renderDocx, wordText } from './docx-helpers.js';

let ladder: Ladder;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, 'content'));
  files = await renderDocx(ladder);
});

const documentXml = (level: Level): string => part(files.get(`${level.slug}.docx`) ?? new Uint8Array(), 'word/document.xml');

/** The Word paragraphs of a document as [style id, text]. */
function paragraphs(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((match) => [/<w:pStyle w:val="([^"]+)"/.exec(match[0])?.[1] ?? '', normalise(wordText(match[0]))]);
}

describe('Word documents of the example: the ladder as a whole', () => {
  it('has a "What changes from …" section with Word headings and bulleted lists in every level but the lowest', () => {
    for (const [index, level] of ladder.levels.entries()) {
      const found = paragraphs(documentXml(level));
      const heading = found.findIndex(([, text]) => text.startsWith('What changes from'));
      if (index === 0) {
        expect(heading, level.slug).toBe(-1);
        continue;
      }
      const below = ladder.levels[index - 1] as Level;
      expect(found[heading], level.slug).toEqual(['Heading1', `What changes from ${below.label}`]);
      const section = found.slice(heading + 1);
      expect(section.filter(([style]) => style === 'Heading2').map(([, text]) => text)).toContain('Responsibilities');
      const delta = level.delta!;
      const items = section.filter(([style]) => style === 'ListBullet');
      expect(items.length, level.slug).toBe(delta.added.length + delta.grown.length + delta.removed.length);
      for (const item of delta.added) expect(items.some(([, text]) => text.includes(normalise(item.text.text))), item.text.text).toBe(true);
      // What this level does not restate comes last, under a heading that says so.
      const notRestated = section.findIndex(([style, text]) => style === 'Heading2' && text === normalise(`Not restated at ${level.label}`));
      expect(notRestated, level.slug).toBeGreaterThan(-1);
      const rest = section.slice(notRestated + 1).filter(([style]) => style === 'ListBullet');
      expect(rest, level.slug).toHaveLength(delta.removed.length);
    }
  });

  it('marks what grew: new words bold, dropped words struck through, or what it was', () => {
    const level = ladder.levels.find((candidate) => (candidate.delta?.grown.length ?? 0) > 0) as Level;
    const xml = documentXml(level);
    const section = xml.slice(xml.indexOf('What changes from'));
    expect(section).toMatch(/<w:strike\/>|\(was: /);
  });

  it('shows the scope the overview gives under the title, marked as from the overview', () => {
    const filled = ladder.levels.filter((level) => level.facets.origin.scope === 'ladder');
    expect(filled.length).toBeGreaterThan(0);
    for (const level of filled) {
      const found = paragraphs(documentXml(level));
      const firstBodyHeading = found.findIndex(([style]) => style === 'Heading1');
      const lead = found.slice(0, firstBodyHeading);
      for (const entry of level.facets.scope) expect(lead.map(([, text]) => text)).toContain(normalise(`${entry.label}: ${entry.value.text}`));
      expect(lead.map(([, text]) => text)).toContain('Scope from the ladder overview.');
    }
  });

  it('shows every overview scope row of every level under its title, each entry the overview added marked', () => {
    const rows = overviewScopeRows(ladder);
    expect(rows.length).toBe(25);
    for (const { level, row, shown } of rows) {
      const found = paragraphs(documentXml(level));
      const lead = found.slice(0, found.findIndex(([style]) => style === 'Heading1')).map(([, text]) => text);
      const mixed = level.facets.scope.some((entry) => entry.origin === 'document');
      const mark = mixed && shown?.origin === 'ladder' ? ' (overview)' : '';
      expect(lead, `${level.slug}: ${row}`).toContain(normalise(`${shown?.label}${mark}: ${shown?.value.text}`));
      expect(lead, level.slug).toContain(mixed ? 'Entries marked (overview) come from the ladder overview.' : 'Scope from the ladder overview.');
    }
  });

  it('leaves deltas out of the book, whose chapters are the levels as written', () => {
    const book = wordText(part(files.get('ladder.docx') ?? new Uint8Array(), 'word/document.xml'));
    expect(book).not.toContain('What changes from');
  });

  it('shows the track map in the book as an SVG image with a PNG fallback, described in words', () => {
    const book = files.get('ladder.docx') ?? new Uint8Array();
    const xml = part(book, 'word/document.xml');
    const found = paragraphs(xml);
    const chapter = found.findIndex(([style, text]) => style === 'Heading1' && text === 'Track map');
    expect(chapter).toBeGreaterThan(0);
    // Word 2016+ draws the SVG; older Word and LibreOffice the PNG beside it.
    expect(xml).toMatch(/<asvg:svgBlip [^>]*r:embed="rId\d+"/);
    const svg = part(book, 'word/media/image1.svg');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Painted with attributes (Word and LibreOffice ignore most CSS), linking nowhere.
    expect(svg).not.toContain('<a ');
    expect(svg).toContain('<rect fill="#ffffff" stroke="#1F4E79" stroke-width="1.5"');
    for (const level of ladder.levels) expect(svg).toContain(`>${level.label}</text>`);
    const png = parts(book)['word/media/image1.png'];
    expect(png?.slice(1, 4)).toBe('PNG');
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
    // Twice the map's size, for print.
    expect([pngSize(unzipped(book, 'word/media/image1.png'))]).toEqual([{ width: Number(width) * 2, height: Number(height) * 2 }]);
    const description = /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1] ?? '';
    expect(description).toContain('Levels from entry to most senior: Engineer, Senior Engineer, Manager, Director, VP.');
    expect(found[chapter + 2]?.[1]).toContain('Transitions: Engineer to Senior Engineer');
  });
});

/** A part's bytes. */
function unzipped(docx: Uint8Array, name: string): Uint8Array {
  const data = unzipSync(docx)[name];
  if (!data) throw new Error(`no ${name}`);
  return data;
}

/** A PNG's size from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
