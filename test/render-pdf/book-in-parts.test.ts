import { execFileSync } from 'node:child_process';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { projectBuild, tempProject } from '../build/build-fixtures.js';
import { normalise, outline, pdfinfo } from './pdf-test-helpers.js';

/**
 * A large book is printed a chapter at a time and joined, so an edit lays out one chapter again.
 * Forced here on the example (`book.printInPartsFrom: 1`) and held against the same book printed as
 * one document: the same pages, outline, links and tags, plus page labels.
 */
describe('the ladder book printed in parts and joined', () => {
  let project = '';
  const options = (out: string, clean: boolean, parts = true): BuildOptions => ({
    ...projectBuild(project, ['pdf'])(out, clean),
    configFile: path.join(project, parts ? 'parts.json' : 'whole.json'),
  });
  const book = (out: string): string => path.join(project, out, 'ladder.pdf');

  beforeAll(async () => {
    project = await tempProject('ladderpress-book-parts-');
    await writeFile(path.join(project, 'parts.json'), JSON.stringify({ book: { printInPartsFrom: 1 } }));
    await writeFile(path.join(project, 'whole.json'), '{}');
    expect((await build(options('out', false))).exitCode).toBe(0);
    expect((await build(options('out-whole', false, false))).exitCode).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('has the pages, outline and text of the book printed whole', () => {
    expect(pdfinfo(book('out'))['Pages']).toBe(pdfinfo(book('out-whole'))['Pages']);
    expect(outline(book('out'))).toEqual(outline(book('out-whole')));
    // The running headers and footers (in the A4 page's margins) and the contents' page numbers
    // differ; every chapter's text, in order, does not.
    const body = (file: string): string => normalise(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '62', '-W', '595', '-H', '723', file, '-'], { encoding: 'utf8' })).replace(/\d/g, '');
    expect(body(book('out')).length).toBeGreaterThan(10_000);
    expect(body(book('out'))).toBe(body(book('out-whole')));
    expect(() => execFileSync('qpdf', ['--check', book('out')], { stdio: 'pipe' })).not.toThrow();
  });

  it('keeps every link inside the book, across parts too, and the tag tree', () => {
    const parts = pdfObjects(book('out'));
    const whole = pdfObjects(book('out-whole'));
    expect(parts.internalLinks).toEqual(whole.internalLinks);
    expect(parts.internalLinks.length).toBeGreaterThan(10);
    expect(parts.urls.filter((url) => url.includes('ladderpress.invalid'))).toEqual([]);
    expect(parts.urls.sort()).toEqual(whole.urls.sort());
    // Every link's destination is one of the book's named destinations.
    for (const name of parts.internalLinks) expect(parts.destinations, name).toContain(name);
    expect(pdfinfo(book('out'))['Tagged']).toBe('yes');
    // One Document, a Part per printed part, holding the chapters' own elements.
    expect(parts.structure['Document']).toBe(1);
    // The front matter, the overview, five levels, the appendix.
    expect(parts.structure['Part']).toBe(8);
    for (const type of ['H1', 'H2', 'Table', 'TH', 'L', 'Link']) expect(parts.structure[type], type).toBe(whole.structure[type]);
  });

  it('numbers pages per chapter, as the footers and the viewer’s page labels say', async () => {
    const labels = await pageLabels(book('out'));
    expect(labels.slice(0, 4)).toEqual(['i', 'ii', 'iii', 'O-1']);
    expect(labels).toContain('1-1');
    expect(labels).toContain('5-2');
    expect(labels.at(-1)).toMatch(/^A-\d+$/);
    // Every page but the cover says its label in the footer, a chapter's first page too.
    const footers = execFileSync('pdftotext', ['-layout', book('out'), '-'], { encoding: 'utf8' }).split('\f').slice(0, labels.length).map((page) => /Page (\S+)\s*$/.exec(page)?.[1] ?? null);
    expect(footers).toEqual([null, ...labels.slice(1)]);
  });

  it('after an edit prints the edited chapter only, and is the book a cold build prints', async () => {
    const cache = path.join(project, 'cache', 'entries');
    const before = new Set(await readdir(cache));
    await appendFile(path.join(project, 'content', 'levels', 'manager.md'), `\n## Notes\n\n${'A paragraph that makes the chapter longer. '.repeat(40)}\n`);
    expect((await build(options('out', false))).exitCode).toBe(0);
    const added = (await readdir(cache)).filter((entry) => !before.has(entry));
    // The handout, the book, and one part: the edited chapter's.
    expect(added.filter((entry) => path.extname(entry) === '')).toHaveLength(1);
    expect((await build(options('out-cold', true))).exitCode).toBe(0);
    const joined = await readFile(book('out'));
    expect(joined.equals(await readFile(book('out-cold')))).toBe(true);
    // Joined as it was written, never whole in memory, and still kept in the cache like any document.
    const kept = await Promise.all((await readdir(cache)).filter((entry) => entry.endsWith('.pdf')).map((entry) => readFile(path.join(cache, entry))));
    expect(kept.filter((bytes) => bytes.equals(joined))).toHaveLength(1);
  }, 240_000);
});

interface PdfObjects {
  readonly internalLinks: string[];
  readonly urls: string[];
  readonly destinations: string[];
  readonly structure: Record<string, number>;
}

/** A PDF's links, named destinations and structure element types, read with qpdf's JSON. */
function pdfObjects(file: string): PdfObjects {
  const all = JSON.parse(execFileSync('qpdf', ['--json=2', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  const objects = Object.values(all.qpdf[1]).map((object) => object.value).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value));
  const internalLinks: string[] = [];
  const urls: string[] = [];
  const structure: Record<string, number> = {};
  let destinations: string[] = [];
  for (const object of objects) {
    if (object['/Subtype'] === '/Link') {
      if (typeof object['/Dest'] === 'string') internalLinks.push(object['/Dest']);
      const action = object['/A'] as Record<string, unknown> | undefined;
      // qpdf writes a text string as "u:" and its text.
      if (typeof action?.['/URI'] === 'string') urls.push(action['/URI'].replace(/^u:/, ''));
    }
    if (object['/Type'] === '/StructElem' && typeof object['/S'] === 'string') structure[object['/S'].slice(1)] = (structure[object['/S'].slice(1)] ?? 0) + 1;
    if (object['/Type'] === '/Catalog') destinations = Object.keys(all.qpdf[1][String(object['/Dests']).replace(/^(\d+) (\d+) R$/, 'obj:$1 $2 R')]?.value as object);
  }
  return { internalLinks: internalLinks.sort(), urls, destinations, structure };
}

/** Each page's label as a viewer shows it, read with pdf.js. */
async function pageLabels(file: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return (await document.getPageLabels()) ?? [];
  } finally {
    await document.destroy();
  }
}
