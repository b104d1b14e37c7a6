import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { siteFromConfig } from '../../src/config/site-from-config.js';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import { imageHeader } from '../../src/render/docx/image-header.js';
import { rasteriseSvg } from '../../src/render/docx/svg-raster.js';
import { readLadder } from '../../src/read/read-ladder.js';
import { docxContext, KITCHEN_SINK, parts, renderDocx } from './docx-helpers.js';

/** A real PNG of one colour: signature, IHDR, one IDAT, IEND. */
function png(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** The kitchen sink with a wide local image in alpha, an SVG, a link out of the folder, and a logo. */
async function contentWithImages(logo = 'logo.png'): Promise<{ dir: string; ladder: Ladder }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lp-docx-images-'));
  await cp(KITCHEN_SINK, dir, { recursive: true });
  await mkdir(path.join(dir, 'levels/img'));
  await writeFile(path.join(dir, 'levels/img/team.png'), png(1200, 300, [31, 78, 121]));
  await writeFile(path.join(dir, 'levels/img/small.png'), png(40, 20, [194, 65, 12]));
  await writeFile(path.join(dir, 'levels/img/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="200" height="100" fill="#1f4e79"/></svg>');
  await writeFile(path.join(dir, 'levels/img/broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300"');
  await writeFile(path.join(dir, 'logo.png'), png(200, 100, [0, 0, 0]));
  await writeFile(path.join(dir, '..', `secret-${path.basename(dir)}.png`), png(10, 10, [255, 0, 0]));
  await symlink(path.join(dir, '..', `secret-${path.basename(dir)}.png`), path.join(dir, 'levels/img/secret.png'));
  const alpha = path.join(dir, 'levels/alpha.md');
  const source = await readFile(alpha, 'utf8');
  await writeFile(alpha, `${source}\n\n![The platform team](img/team.png) and ![a dot](img/small.png)\n\n![A chart](img/chart.svg)\n\n![Broken](img/broken.svg)\n\n![Secret](img/secret.png)\n`);
  const config = configSchema.parse({ theme: { logo } });
  const { ladder } = await readLadder(dir, { site: siteFromConfig(config, {}) }, new Diagnostics());
  if (!ladder) throw new Error('could not read the content');
  return { dir, ladder };
}

const EMU_PER_PIXEL = 9525;

describe('images in Word documents', () => {
  it('reads the size of PNG, GIF and JPEG headers, and nothing else', () => {
    expect(imageHeader(png(640, 480, [0, 0, 0]))).toEqual({ type: 'png', width: 640, height: 480 });
    const gif = Buffer.from('GIF89a\x20\x03\x58\x02\x00\x00\x00', 'latin1');
    expect(imageHeader(gif)).toEqual({ type: 'gif', width: 800, height: 600 });
    // SOI, an APP0 segment, then SOF0 with height 300 and width 400.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0x01, 0x22, 0x00]);
    expect(imageHeader(jpeg)).toEqual({ type: 'jpg', width: 400, height: 300 });
    expect(imageHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageHeader(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
  });

  it('embeds local images scaled to the text width, and the logo in the header and on the book cover', async () => {
    const { dir, ladder } = await contentWithImages();
    const files = await renderDocx(ladder, docxContext({ contentDir: dir }));
    const alpha = parts(files.get('alpha.docx') ?? new Uint8Array());
    const media = Object.keys(alpha).filter((name) => name.startsWith('word/media/'));
    // team, small, the logo, and the chart as SVG with its PNG fallback; the broken SVG and the link
    // out of the folder are not embedded.
    expect(media).toHaveLength(5);

    const document = alpha['word/document.xml'] ?? '';
    const rels = alpha['word/_rels/document.xml.rels'] ?? '';
    const drawings = [...document.matchAll(/<w:drawing>.*?<\/w:drawing>/g)].map((match) => match[0]);
    expect(drawings).toHaveLength(3);
    for (const drawing of drawings) {
      const id = /r:embed="([^"]+)"/.exec(drawing)?.[1];
      expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="media/[^"]+\\.png"`));
    }
    const [wide, small, chart] = drawings.map((drawing) => /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(drawing)?.slice(1).map(Number));
    // A4 text width: (11906 - 2 × 1440) twips = 601.7 px; the 1200 × 300 image keeps its proportions.
    expect(wide).toEqual([602 * EMU_PER_PIXEL, 150 * EMU_PER_PIXEL]);
    expect(small).toEqual([40 * EMU_PER_PIXEL, 20 * EMU_PER_PIXEL]);
    expect(drawings[0]).toContain('descr="The platform team"');
    // The SVG at its own size, drawn sharp by Word 2016+, with a PNG (twice the size) for the others.
    expect(chart).toEqual([300 * EMU_PER_PIXEL, 100 * EMU_PER_PIXEL]);
    expect(drawings[2]).toContain('descr="A chart"');
    const svgId = /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(drawings[2] ?? '')?.[1];
    expect(rels).toMatch(new RegExp(`Id="${svgId}"[^>]*Target="media/[^"]+\\.svg"`));
    expect(document).not.toContain('[A chart]');
    expect(document).toContain('[Broken]');
    expect(document).toContain('[Secret]');
    // Without lineRule, LibreOffice takes the default line height as exact and cuts a picture to one line.
    expect(alpha['word/styles.xml']).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);

    const header = Object.entries(alpha).find(([name, xml]) => /^word\/header\d*\.xml$/.test(name) && xml.includes('<w:drawing>'))?.[1] ?? '';
    expect(header).toMatch(/<wp:extent cx="\d+" cy="266700"/); // 28 px high
    expect(header).toContain('Alpha Engineer');

    const book = parts(files.get('ladder.docx') ?? new Uint8Array());
    const cover = (book['word/document.xml'] ?? '').split('<w:sectPr')[0] ?? '';
    expect(cover.indexOf('<w:drawing>')).toBeGreaterThan(-1);
    expect(cover.indexOf('<w:drawing>')).toBeLessThan(cover.indexOf('w:val="Title"'));
  });

  it('makes the same bytes twice, and a changed image changes the document key', async () => {
    const { dir, ladder } = await contentWithImages();
    const first = await renderDocx(ladder, docxContext({ contentDir: dir }));
    const again = await renderDocx(ladder, docxContext({ contentDir: dir }));
    expect(again.get('alpha.docx')).toEqual(first.get('alpha.docx'));
    expect(again.get('ladder.docx')).toEqual(first.get('ladder.docx'));

    const keys = (): Map<string, string> => new Map(planDocx(ladder, docxContext({ contentDir: dir })).map((job) => [job.path, job.key]));
    const before = keys();
    await writeFile(path.join(dir, 'levels/img/team.png'), png(1200, 300, [200, 0, 0]));
    const after = keys();
    expect(after.get('alpha.docx')).not.toBe(before.get('alpha.docx'));
    expect(after.get('ladder.docx')).not.toBe(before.get('ladder.docx'));
    expect(after.get('beta.docx')).toBe(before.get('beta.docx'));
    await writeFile(path.join(dir, 'logo.png'), png(100, 100, [0, 0, 0]));
    expect(keys().get('beta.docx')).not.toBe(before.get('beta.docx'));
  });

  it('leaves out a logo that links out of the content folder', async () => {
    const { dir, ladder } = await contentWithImages('levels/img/secret.png');
    const files = await renderDocx(ladder, docxContext({ contentDir: dir }));
    const beta = parts(files.get('beta.docx') ?? new Uint8Array());
    expect(Object.keys(beta).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('puts an SVG logo in the header as the SVG with its PNG fallback', async () => {
    const { dir, ladder } = await contentWithImages('levels/img/chart.svg');
    const files = await renderDocx(ladder, docxContext({ contentDir: dir }));
    const beta = parts(files.get('beta.docx') ?? new Uint8Array());
    expect(Object.keys(beta).filter((name) => name.startsWith('word/media/')).map((name) => path.extname(name)).sort()).toEqual(['.png', '.svg']);
    const header = Object.entries(beta).find(([name, xml]) => /^word\/header\d*\.xml$/.test(name) && xml.includes('<w:drawing>'))?.[1] ?? '';
    expect(header).toContain('<asvg:svgBlip');
  });

  it('draws an SVG once for all the documents, and finds fonts only for one with text', () => {
    const frame = (inner: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f4e79"/>${inner}</svg>`;
    const plain = rasteriseSvg(frame(''));
    const lettered = rasteriseSvg(frame('<text x="8" y="28" font-size="20" fill="#fff">Level 3</text>'));
    expect(plain?.png.byteLength).toBeGreaterThan(0);
    // The text is drawn: a rasterised SVG without fonts would show the rectangle alone.
    expect(Buffer.from(lettered?.png ?? []).equals(Buffer.from(plain?.png ?? []))).toBe(false);
    // The same bytes again (the logo of the next document) are not drawn again.
    expect(rasteriseSvg(new TextEncoder().encode(frame('')))).toBe(plain);
  });
});
