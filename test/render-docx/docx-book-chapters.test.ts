import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder, Level } from '../../src/model/types.js';
import { planDocx, type DocxJob } from '../../src/render/docx/plan-docx.js';
import { renderDocxJobs } from '../../src/render/docx/render-docx-jobs.js';
import type { PartStore } from '../../src/render/part-store.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { docxContext, KITCHEN_SINK, part, parts } from './docx-helpers.js';

/** The kitchen sink's levels repeated under other slugs until the ladder has `count`: a book long enough to be joined from chapters. */
function longLadder(ladder: Ladder, count: number): Ladder {
  const levels: Level[] = Array.from({ length: count }, (_, i) => {
    const level = ladder.levels[i % ladder.levels.length] as Level;
    return i < ladder.levels.length ? level : { ...level, slug: `${level.slug}-${i}`, title: `${level.title} ${i}`, titleInline: [{ type: 'text', value: `${level.title} ${i}` }] };
  });
  return { ...ladder, levels };
}

/** A store in memory that counts what it is asked for and given. */
function memoryStore(): PartStore & { puts: number } {
  const entries = new Map<string, Uint8Array>();
  const store = {
    puts: 0,
    get: (kind: string, key: string) => Promise.resolve(entries.get(`${kind}\0${key}`) ?? null),
    has: (kind: string, key: string) => Promise.resolve(entries.has(`${kind}\0${key}`)),
    put: (kind: string, key: string, data: Uint8Array) => {
      store.puts += 1;
      entries.set(`${kind}\0${key}`, data);
      return Promise.resolve();
    },
  };
  return store;
}

/**
 * Every part of a .docx, with the numbered relationship ids (rId9) of the book's own images replaced by
 * what they point to: the joined book registers the track map's image before the chapters' links, the
 * whole one after them; either way each reference resolves to the same part.
 */
function samePackage(docx: Uint8Array): Record<string, string> {
  const all = parts(docx);
  const rels = all['word/_rels/document.xml.rels'] ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship Id="(rId\d+)" Type="[^"]+" Target="([^"]+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const named = (text: string): string => text.replace(/"(rId\d+)"/g, (whole, id: string) => `"${targets.get(id) ?? id}"`);
  return Object.fromEntries(
    Object.entries(all).map(([name, text]) => [name, name === 'word/_rels/document.xml.rels' ? [...named(text).matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).sort().join('\n') : named(text)]),
  );
}

async function joinedBook(ladder: Ladder, parts: PartStore): Promise<{ book: DocxJob; data: Uint8Array }> {
  const book = planDocx(ladder, docxContext()).find((job) => job.path === 'ladder.docx') as DocxJob;
  let data: Uint8Array | null = null;
  await renderDocxJobs([book], { signal: new AbortController().signal, parts, emit: async (file) => void (data = file.data as Uint8Array) });
  if (!data) throw new Error('no book');
  return { book, data };
}

describe('the Word book of a long ladder, joined from its chapters', () => {
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = longLadder(await readLadderOrThrow(KITCHEN_SINK), 30);
  });

  it('is the book made whole, part for part: contents, footnotes, lists, links and bookmarks', async () => {
    const { book, data } = await joinedBook(ladder, memoryStore());
    expect(book.chapters?.jobs.length).toBe(ladder.levels.length + ladder.articles.length + (ladder.overview ? 1 : 0));
    const whole = await book.render();
    expect(samePackage(data)).toEqual(samePackage(whole));
    const document = part(data, 'word/document.xml');
    expect(document).not.toMatch(/LPBM|LPCHAPTER/);
    expect(document).toContain('<w:footnoteReference');
  });

  it('makes only the edited level’s chapter again, and is still the book made whole', async () => {
    const store = memoryStore();
    await joinedBook(ladder, store);
    const before = store.puts;
    const body: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Edited for the test.' }] }] };
    const [first, ...rest] = ladder.levels as [Level, ...Level[]];
    const edited = { ...ladder, levels: [first, { ...(rest[0] as Level), body: { ...(rest[0] as Level).body, children: [...(rest[0] as Level).body.children, ...body.children] } }, ...rest.slice(1)] };
    const { book, data } = await joinedBook(edited, store);
    expect(store.puts - before).toBe(1);
    expect(samePackage(data)).toEqual(samePackage(await book.render()));
    expect(part(data, 'word/document.xml')).toContain('Edited for the test.');
  });
});
