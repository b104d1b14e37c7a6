import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline, Ladder, Level } from '../../src/model/types.js';
import { planPdfs } from '../../src/render/pdf/plan-pdfs.js';
import type { OutputFile } from '../../src/render/render-context.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { hasSharedFixtures, PROJECT_ROOT, sharedFixtureContent } from '../helpers/shared-fixtures.js';
import { normalise, outline, pdfContext, pdfinfo, pdfText, printedFiles, sourceTexts, writeTemp } from './pdf-test-helpers.js';

/** Prints a content folder's PDFs once for the whole file. */
async function printAll(contentDir: string): Promise<{ ladder: Ladder; files: OutputFile[]; dir: string; done: string[] }> {
  const ladder = await readLadderOrThrow(contentDir);
  const context = pdfContext(contentDir);
  const done: string[] = [];
  const files = await printedFiles(await planPdfs(ladder, context), context, (file) => done.push(file.path));
  return { ladder, files, dir: writeTemp(files), done };
}

describe.each([
  ['example content', path.join(PROJECT_ROOT, 'content')],
  ['kitchen sink', path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink')],
])('PDFs of the %s', (_, contentDir) => {
  let run: Awaited<ReturnType<typeof printAll>>;
  beforeAll(async () => {
    run = await printAll(contentDir);
  });

  it('writes a handout and a profile per level and the ladder book, in plan order', () => {
    const expected = [...run.ladder.levels.flatMap((l) => [`${l.slug}.pdf`, `${l.slug}-profile.pdf`]), 'ladder.pdf'];
    expect(run.files.map((f) => f.path)).toEqual(expected);
    expect([...run.done].sort()).toEqual([...expected].sort());
  });

  it('gives every PDF pages, its title, tags and the metadata of the config', () => {
    for (const level of run.ladder.levels) {
      const info = pdfinfo(path.join(run.dir, `${level.slug}.pdf`));
      expect(Number(info['Pages'])).toBeGreaterThan(0);
      expect(info['Title']).toBe(level.title);
      expect(info['Tagged']).toBe('yes');
      expect(info['Author']).toBe(run.ladder.site.author);
      expect(info['Subject']).toContain(run.ladder.site.subject);
      expect(info['Keywords']).toContain(run.ladder.site.keywords[0]);
      expect(info['Page size']).toContain('A4');
      expect(info['CreationDate']).toContain('2000');
    }
    for (const file of run.files) expect(() => execFileSync('qpdf', ['--check', path.join(run.dir, file.path)], { stdio: 'pipe' }), file.path).not.toThrow();
    const book = pdfinfo(path.join(run.dir, 'ladder.pdf'));
    expect(book['Title']).toBe(run.ladder.site.title);
    expect(book['Tagged']).toBe('yes');
  });

  it('fits every profile on exactly one page, with the title and core question, and no relative link', () => {
    for (const level of run.ladder.levels) {
      const file = path.join(run.dir, `${level.slug}-profile.pdf`);
      expect(pdfinfo(file)['Pages']).toBe('1');
      expect(pdfinfo(file)['Tagged']).toBe('yes');
      const text = pdfText(file);
      expect(text).toContain(normalise(level.title));
      if (level.facets.coreQuestion) expect(text).toContain(normalise(level.facets.coreQuestion.text));
      // No site URL: no link that would mean nothing in a file sent on.
      expect(text).not.toContain(normalise(`${level.slug}.html`));
      expect(text).toContain(normalise(level.facets.responsibilities[0]?.items[0]?.text ?? ''));
      expect(pdfText(path.join(run.dir, `${level.slug}.pdf`))).not.toContain(normalise('Also online'));
    }
  });

  it('shows the readiness criteria whole or not at all on every profile (tried set tighter before they go), never some of them as if all', () => {
    let whole = 0;
    for (const level of run.ladder.levels) {
      const text = pdfText(path.join(run.dir, `${level.slug}-profile.pdf`));
      const criteria = level.facets.readiness[0]?.items ?? [];
      const shown = criteria.filter((item) => text.includes(normalise(item.text)));
      expect([0, criteria.length], level.slug).toContain(shown.length);
      if (criteria.length > 0 && shown.length === criteria.length) whole += 1;
    }
    // Manager's fit only when set tighter (data-tight); the overview's scope rows now take Senior Engineer's room.
    expect(whole).toBeGreaterThan(0);
  });

  it('keeps every text of each level body in its PDF and in the book', () => {
    const book = pdfText(path.join(run.dir, 'ladder.pdf'));
    for (const level of run.ladder.levels) {
      const text = pdfText(path.join(run.dir, `${level.slug}.pdf`));
      const missing = sourceTexts(level.body).filter((t) => !text.includes(normalise(t)));
      expect(missing, `${level.slug}.pdf`).toEqual([]);
      expect(sourceTexts(level.body).filter((t) => !book.includes(normalise(t))), `ladder.pdf: ${level.slug}`).toEqual([]);
    }
    for (const article of run.ladder.articles) {
      expect(sourceTexts(article.body).filter((t) => !book.includes(normalise(t))), `ladder.pdf: ${article.slug}`).toEqual([]);
    }
  });

  it('bookmarks the title and section headings of each level', () => {
    for (const level of run.ladder.levels) {
      const marks = outline(path.join(run.dir, `${level.slug}.pdf`)).map((line) => line.trim());
      expect(marks[0]).toBe(level.title);
      for (const heading of level.headings.filter((h) => h.depth <= 3)) expect(marks).toContain(heading.text);
    }
    const book = outline(path.join(run.dir, 'ladder.pdf'));
    for (const level of run.ladder.levels) expect(book).toContain(level.title);
    for (const article of run.ladder.articles) expect(book).toContain(`  ${article.title}`);
  });

  it('numbers the book’s contents with the pages its bookmarks point to, and leaves the cover bare', () => {
    const file = path.join(run.dir, 'ladder.pdf');
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: { title: string; destpageposfrom1: number }[] };
    const bookmarked = new Map(json.outlines.map((item) => [item.title, item.destpageposfrom1]));
    const contents = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    for (const level of run.ladder.levels) {
      const line = contents.split('\n').find((l) => l.includes(level.title) && /\d+\s*$/.test(l));
      expect(line, level.title).toBeDefined();
      expect(Number(/(\d+)\s*$/.exec(line ?? '')?.[1]), level.title).toBe(bookmarked.get(level.title));
    }
    const cover = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(cover).not.toMatch(/Page 1 of|The complete ladder/);
    expect(contents).toMatch(/Page 2 of \d+/);
    expect(contents).toContain('The complete ladder');
  });

  it('makes links clickable', () => {
    const raw = readFileSync(path.join(run.dir, 'ladder.pdf'), 'latin1');
    expect(raw).toMatch(/\/Subtype \/Link/);
  });
});

describe('PDF determinism', () => {
  it('prints byte-identical PDFs from the same input, whatever page of the pool prints them', async () => {
    const contentDir = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
    const first = await printAll(contentDir);
    // Reversed on one page: every document lands on a page that printed others before it.
    const ladder = await readLadderOrThrow(contentDir);
    const context = pdfContext(contentDir, { concurrency: 1 });
    const second = await printedFiles((await planPdfs(ladder, context)).reverse(), context, () => {});
    const bytes = new Map(second.map((f) => [f.path, Buffer.from(f.data)]));
    expect([...bytes.keys()].sort()).toEqual(first.files.map((f) => f.path).sort());
    for (const file of first.files) expect(Buffer.compare(Buffer.from(file.data), bytes.get(file.path) ?? Buffer.alloc(0)), file.path).toBe(0);
  });
});

describe('non-Latin text', () => {
  it('prints CJK, Arabic and emoji as text with real glyphs, and warns about no font', async () => {
    const contentDir = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
    const ladder = await readLadderOrThrow(contentDir);
    const context = pdfContext(contentDir);
    const jobs = (await planPdfs(ladder, context)).filter((job) => job.path === 'alpha.pdf');
    const dir = writeTemp(await printedFiles(jobs, context, () => {}));
    const text = pdfText(path.join(dir, 'alpha.pdf'));
    for (const word of ['工程师', 'مهندس', '🚀', 'café', '€10']) expect(text).toContain(normalise(word));
    expect(context.diagnostics.all.filter((d) => d.code === 'missing-font')).toEqual([]);
  });
});

describe('one-page profile', () => {
  const inline = (text: string): Inline => ({ text, children: [{ type: 'text', value: text }] });
  const sentence = (n: number): string => `Responsibility number ${n} that takes a fair amount of words to describe so it wraps across two lines`;

  it('shortens an overfull profile to one page, whole items only, the same way every time', async () => {
    const contentDir = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
    const ladder = await readLadderOrThrow(contentDir);
    const [alpha, ...rest] = ladder.levels;
    if (!alpha) throw new Error('kitchen sink has no levels');
    const huge: Level = {
      ...alpha,
      facets: {
        ...alpha.facets,
        intro: 'A very long introduction. '.repeat(60),
        responsibilities: Array.from({ length: 8 }, (_, g) => ({ name: `Group ${g + 1}`, items: Array.from({ length: 8 }, (_, i) => inline(sentence(g * 10 + i))) })),
        skills: Array.from({ length: 12 }, (_, i) => ({ category: `Category ${i + 1}`, text: inline('one skill, another skill, a third skill with more words'), skills: ['one skill', 'another skill', 'a third skill with more words'] })),
        scope: Array.from({ length: 6 }, (_, i) => ({ label: `Scope ${i + 1}`, value: inline('a value that is long enough to wrap in the side column'), origin: 'document' as const })),
        readiness: [{ target: { name: 'Beta', slug: 'beta' }, items: Array.from({ length: 6 }, (_, i) => inline(`Readiness sign ${i + 1}`)) }],
      },
    };
    const big: Ladder = { ...ladder, levels: [huge, ...rest], site: { ...ladder.site, paper: 'Letter', url: 'https://ladder.example.com/' } };
    const context = pdfContext(contentDir);
    const jobs = (await planPdfs(big, context)).filter((job) => job.path === 'alpha-profile.pdf');
    const handout = (await planPdfs(big, context)).filter((job) => job.path === 'alpha.pdf');
    const first = await printedFiles(jobs, context, () => {});
    const second = await printedFiles(jobs, context, () => {});
    const dir = writeTemp(first);
    const file = path.join(dir, 'alpha-profile.pdf');
    expect(pdfinfo(file)['Pages']).toBe('1');
    expect(pdfinfo(file)['Page size']).toContain('letter');
    const text = pdfText(file);
    expect(text).toContain(normalise('Alpha Engineer'));
    expect(text).toContain(normalise(sentence(0)));
    expect(text).toContain(normalise(sentence(10)));
    expect(text).toContain(normalise('https://ladder.example.com/alpha.html'));
    expect(text).not.toContain(normalise(sentence(77)));
    // Part of a list never passes for the whole: every shortened list says how much is left out…
    const more = [...text.matchAll(/\+(\d+)more/g)].map((m) => Number(m[1]));
    expect(more.length).toBeGreaterThan(0);
    expect(more.every((n) => n > 0)).toBe(true);
    // …readiness criteria are all there or not at all, and "+ N more" links to the level's page.
    const signs = [...text.matchAll(/Readinesssign\d/g)].length;
    expect([0, 6]).toContain(signs);
    const raw = Buffer.from(first[0]?.data ?? '').toString('latin1');
    expect(raw.match(/\/URI \(https:\/\/ladder\.example\.com\/alpha\.html\)/g)?.length ?? 0).toBeGreaterThan(1);
    const handoutDir = writeTemp(await printedFiles(handout, context, () => {}));
    const handoutText = pdfText(path.join(handoutDir, 'alpha.pdf'));
    expect(handoutText).toContain(normalise('Also online: https://ladder.example.com/alpha.html'));
    expect(Buffer.compare(Buffer.from(first[0]?.data ?? ''), Buffer.from(second[0]?.data ?? ''))).toBe(0);
  });
});

describe.skipIf(!hasSharedFixtures)('PDFs of the reference role document', () => {
  it('prints the whole reference VP document, a one-page profile and a book', async () => {
    const run = await printAll(await sharedFixtureContent());
    const vp = run.ladder.levels[0];
    if (!vp) throw new Error('no level in the reference content');
    expect(pdfinfo(path.join(run.dir, 'vp-profile.pdf'))['Pages']).toBe('1');
    const text = pdfText(path.join(run.dir, 'vp.pdf'));
    expect(sourceTexts(vp.body).filter((t) => !text.includes(normalise(t)))).toEqual([]);
    const marks = outline(path.join(run.dir, 'vp.pdf')).map((line) => line.trim());
    for (const heading of vp.headings.filter((h) => h.depth <= 3)) expect(marks).toContain(heading.text);
  });
});
