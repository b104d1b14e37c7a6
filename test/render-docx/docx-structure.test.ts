import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { hasSharedFixtures, PROJECT_ROOT, sharedFixtureContent } from '../helpers/shared-fixtures.js';
import { normalise, part, parts, prettyXml, renderDocx, sourceTexts, wordText } from './docx-helpers.js';

const KITCHEN_SINK = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
const CONTENT = path.join(PROJECT_ROOT, 'content');

describe('docx of the kitchen-sink fixture', () => {
  let ladder: Ladder;
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    ladder = await readLadderOrThrow(KITCHEN_SINK);
    files = await renderDocx(ladder);
  });
  const file = (name: string): Uint8Array => {
    const data = files.get(name);
    if (!data) throw new Error(`${name} was not rendered`);
    return data;
  };

  it('writes one document per level and the book', () => {
    expect([...files.keys()]).toEqual(['alpha.docx', 'beta.docx', 'ladder.docx']);
  });

  it('has well-formed XML in every part', () => {
    for (const [name, data] of files) {
      for (const [partName, xml] of Object.entries(parts(data))) {
        if (!partName.endsWith('.xml') && !partName.endsWith('.rels')) continue;
        expect(XMLValidator.validate(xml), `${name} ${partName}`).toBe(true);
        expect(xml, `${name} ${partName}`).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }
    }
  });

  it('uses Word heading styles, numbering for lists, header rows and real hyperlinks', () => {
    const xml = part(file('alpha.docx'), 'word/document.xml');
    for (const style of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'ListBullet', 'ListNumber', 'Quote', 'SourceCode']) {
      expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    }
    const levels = [...xml.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(levels).toContain(0);
    expect(levels).toContain(1);
    expect(levels).toContain(2);
    expect(xml).toMatch(/<w:tbl>[\s\S]*<w:tblStyle w:val="LadderTable"\/>[\s\S]*<w:trPr>[\s\S]*<w:tblHeader\/>/);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdH\d+"/);
    expect(part(file('alpha.docx'), 'word/styles.xml')).toContain('w:styleId="LadderTable"');
  });

  it('nests lists with increasing levels and restarts ordered lists at their start', () => {
    const xml = part(file('alpha.docx'), 'word/document.xml');
    const paragraph = (text: string): string => {
      const found = xml.split('<w:p>').find((p) => p.includes(`>${text}</w:t>`));
      if (!found) throw new Error(`no paragraph "${text}"`);
      return found;
    };
    expect(paragraph('Level one bullet')).toContain('<w:ilvl w:val="0"/>');
    expect(paragraph('Level two bullet')).toContain('<w:ilvl w:val="1"/>');
    expect(paragraph('Level three bullet')).toContain('<w:ilvl w:val="2"/>');
    expect(paragraph('First ordered step')).toContain('<w:ilvl w:val="1"/>');
    const numbering = part(file('alpha.docx'), 'word/numbering.xml');
    expect(numbering).toContain('<w:start w:val="3"/>');
    // Every ordered list is its own w:num, so its numbering starts again.
    const numIds = (text: string): string => /<w:numId w:val="(\d+)"\/>/.exec(paragraph(text))?.[1] ?? '';
    expect(numIds('An ordered list starting at three')).not.toBe(numIds('First ordered step'));
  });

  it('puts footnotes in Word footnotes and core properties in docProps', () => {
    const docx = file('alpha.docx');
    expect(part(docx, 'word/document.xml')).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(wordText(part(docx, 'word/footnotes.xml'))).toContain('A footnote definition with emphasis and a link.');
    const core = part(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Alpha Engineer</dc:title>');
    expect(core).toContain('<dc:subject>');
    expect(core).toContain('<cp:keywords>career ladder, engineering, levels</cp:keywords>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
    // The site's title (the kitchen sink overview's) and the level, in the running header.
    expect(part(docx, 'word/header1.xml')).toContain('Kitchen Sink Ladder · Alpha Engineer');
    expect(core).toContain('<dc:creator>Kitchen Sink Ladder</dc:creator>');
    expect(part(docx, 'word/footer1.xml')).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
  });

  it('links levels to their pages in a level document and to bookmarks in the book', () => {
    const alpha = parts(file('alpha.docx'));
    expect(alpha['word/_rels/document.xml.rels']).toContain('Target="beta.html"');
    const book = parts(file('ladder.docx'));
    const xml = book['word/document.xml'] ?? '';
    const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]));
    expect(anchors).toContain('level_beta');
    for (const anchor of anchors) expect(bookmarks, anchor).toContain(anchor);
    expect(book['word/_rels/document.xml.rels']).not.toContain('beta.html');
  });

  it('never writes a hyperlink to an unsafe scheme', () => {
    for (const data of files.values()) {
      for (const [name, xml] of Object.entries(parts(data))) {
        if (name.endsWith('.rels')) expect(xml).not.toMatch(/Target="\s*(javascript|data|vbscript|file):/i);
      }
    }
  });

  it('fills in the table of contents of the book without asking Word to update fields', () => {
    const book = parts(file('ladder.docx'));
    const xml = book['word/document.xml'] ?? '';
    expect(xml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="false"/>');
    expect(xml).toMatch(/<w:instrText xml:space="preserve">TOC [^<]*\\o &quot;1-2&quot;/);
    expect(xml).not.toContain('w:dirty="true"');
    expect(book['word/settings.xml']).not.toContain('updateFields');
    const toc = xml.slice(xml.indexOf('>TOC '), xml.indexOf('</w:sdtContent>'));
    for (const title of ['Overview', 'Alpha Engineer', 'Core Responsibilities', 'Beta Engineer', 'Appendix: Articles', 'Growing as an Alpha Engineer']) {
      expect(wordText(toc)).toContain(title);
    }
    expect(toc).toMatch(/<w:pStyle w:val="TOC1"\/>[\s\S]*<w:hyperlink [^>]*w:anchor="[^"]+">/);
    // Every entry carries its page number (a PAGEREF field with a cached result), as after Word's update.
    const entries = toc.split('<w:p>').slice(1).filter((p) => p.includes('PAGEREF'));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) expect(entry, wordText(entry)).toMatch(/PAGEREF[\s\S]*fldCharType="separate"[\s\S]*<w:t[^>]*>\d+<\/w:t>/);
    // Levels start on a new page, in ladder order.
    expect(xml.indexOf('>Alpha Engineer</w:t>', xml.indexOf('fldCharType="end"'))).toBeLessThan(xml.indexOf('>Beta Engineer</w:t>', xml.indexOf('fldCharType="end"')));
    // Title page, overview, track map, two levels, appendix: a section each, each starting a new page.
    expect(xml.match(/<w:sectPr\b/g)).toHaveLength(6);
    expect(xml).not.toContain('<w:type w:val="continuous"/>');
  });

  it('uses fonts that ship with Office and numbered List Bullet / List Number styles', () => {
    const styles = part(file('alpha.docx'), 'word/styles.xml');
    // Text and headings follow the theme's fonts, so text added in Word does too; only code names its face.
    const named = [...styles.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(named.filter((font) => font !== 'Consolas')).toEqual([]);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1">[\s\S]*?<w:rFonts w:asciiTheme="majorHAnsi"/);
    const theme = part(file('alpha.docx'), 'word/theme/theme1.xml');
    const themeFonts = [...theme.matchAll(/<a:(?:major|minor)Font><a:latin typeface="([^"]+)"/g)].map((m) => m[1]);
    expect(themeFonts).toHaveLength(2);
    expect(themeFonts.filter((font) => !['Arial', 'Calibri'].includes(font ?? ''))).toEqual([]);
    for (const id of ['ListBullet', 'ListNumber']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style, id).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    }
  });

  it('keeps every text of every level and article', () => {
    const book = parts(file('ladder.docx'));
    const bookText = normalise(wordText(book['word/document.xml'] ?? '') + wordText(book['word/footnotes.xml'] ?? ''));
    for (const level of ladder.levels) {
      const docx = parts(file(`${level.slug}.docx`));
      const text = normalise(wordText(docx['word/document.xml'] ?? '') + wordText(docx['word/footnotes.xml'] ?? ''));
      for (const piece of sourceTexts(level.body)) {
        expect(text, `${level.slug}.docx`).toContain(piece);
        expect(bookText, 'ladder.docx').toContain(piece);
      }
    }
    for (const article of ladder.articles) for (const piece of sourceTexts(article.body)) expect(bookText).toContain(piece);
  });

  it('matches the golden document.xml', async () => {
    await expect(prettyXml(part(file('alpha.docx'), 'word/document.xml'))).toMatchFileSnapshot('golden/alpha.document.xml');
  });

  it('gives identical bytes on every render, in any time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const again = await renderDocx(ladder);
      for (const [name, data] of files) expect(Buffer.from(again.get(name) ?? []).equals(Buffer.from(data)), name).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('docx of the example content', () => {
  it('keeps every text of every level', async () => {
    const ladder = await readLadderOrThrow(CONTENT);
    const files = await renderDocx(ladder);
    expect(files.size).toBe(ladder.levels.length + 1);
    for (const level of ladder.levels) {
      const docx = parts(files.get(`${level.slug}.docx`) ?? new Uint8Array());
      const text = normalise(wordText(docx['word/document.xml'] ?? '') + wordText(docx['word/footnotes.xml'] ?? ''));
      for (const piece of sourceTexts(level.body)) expect(text, level.slug).toContain(piece);
      for (const heading of level.headings) expect(docx['word/document.xml']).toContain(`w:name="${heading.id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40)}"`);
    }
  });
});

describe.skipIf(!hasSharedFixtures)('docx of the reference role document', () => {
  it('keeps every text of role-vp.md', async () => {
    const ladder = await readLadderOrThrow(await sharedFixtureContent());
    const files = await renderDocx(ladder);
    const level = ladder.levels[0];
    if (!level) throw new Error('no level');
    const text = normalise(wordText(part(files.get(`${level.slug}.docx`) ?? new Uint8Array(), 'word/document.xml')));
    const pieces = sourceTexts(level.body);
    expect(pieces.length).toBeGreaterThan(50);
    for (const piece of pieces) expect(text).toContain(piece);
  });
});
