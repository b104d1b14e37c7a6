import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/write/build-manifest.js';
import { cleanLeftovers } from '../../src/write/clean-leftovers.js';
import { openStaging, publishOut } from '../../src/write/publish-out.js';
import type { PublishedFile } from '../../src/write/published-file.js';
import { RenderCache } from '../../src/write/render-cache.js';
import { exists, hashTree, strayFolders, tempProject } from './build-fixtures.js';

async function* bytesOf(...pieces: string[]): AsyncGenerator<Uint8Array> {
  for (const piece of pieces) yield Buffer.from(piece);
}

const manifest = (files: readonly PublishedFile[]) => ({ path: 'manifest.json', data: JSON.stringify({ files }) });
const publish = (out: string, files: { path: string; data: string }[], keep: (file: string) => boolean = () => false) =>
  publishOut(out, files, { keep, manifest, signal: new AbortController().signal });

describe('publishOut', () => {
  it('swaps the new folder in, hard-links unchanged files and rewrites only changed ones', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    const first = await publish(out, [{ path: 'a.html', data: 'A' }, { path: 'sub/b.html', data: 'B' }]);
    expect(first.map((f) => f.status)).toEqual(['written', 'written']);
    const inodeA = (await stat(path.join(out, 'a.html'))).ino;
    const second = await publish(out, [{ path: 'a.html', data: 'A' }, { path: 'sub/b.html', data: 'B2' }]);
    expect(second.map((f) => [f.path, f.status])).toEqual([['a.html', 'unchanged'], ['sub/b.html', 'written']]);
    expect((await stat(path.join(out, 'a.html'))).ino).toBe(inodeA);
    expect(await readFile(path.join(out, 'sub/b.html'), 'utf8')).toBe('B2');
    expect(await strayFolders(project)).toEqual([]);
  });

  it('does not trust the manifest over the bytes when out/ was edited by hand', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await publish(out, [{ path: 'a.html', data: 'A' }]);
    await writeFile(path.join(out, 'a.html'), 'tampered');
    const again = await publish(out, [{ path: 'a.html', data: 'A' }]);
    expect(again[0]?.status).toBe('written');
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('A');
  });

  it('hashes a previous file edited by hand to the same size instead of trusting the manifest', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await publish(out, [{ path: 'a.html', data: 'AAAA' }, { path: 'b.html', data: 'BBBB' }]);
    // Edited after the manifest was written: same size, other bytes; b.html only touched.
    const later = new Date(Date.now() + 5_000);
    await writeFile(path.join(out, 'a.html'), 'XXXX');
    await utimes(path.join(out, 'a.html'), later, later);
    await utimes(path.join(out, 'b.html'), later, later);
    const again = await publish(out, [{ path: 'a.html', data: 'AAAA' }, { path: 'b.html', data: 'BBBB' }]);
    expect(again.map((f) => [f.path, f.status])).toEqual([['a.html', 'written'], ['b.html', 'unchanged']]);
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('AAAA');
  });

  it('stages files as they come, from bytes, pieces and files on disk, and discards all of it on failure', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    const source = path.join(project, 'entry.pdf');
    await writeFile(source, 'PDF');
    const first = await openStaging(out, { keep: () => false, signal: new AbortController().signal });
    await first.add({ path: 'a.html', data: 'A' });
    await first.addChunks('model.json.txt', ['{"a":', '1}']);
    await first.addCopy('vp.pdf', source);
    // A book too large to hold is staged as it is made; the cache copies it from where it was staged.
    const bookAt = await first.addChunks('book.pdf', bytesOf('%PDF', '-1.4'));
    expect(await readFile(bookAt, 'utf8')).toBe('%PDF-1.4');
    const staged = await first.finish(manifest);
    await staged.commit();
    expect(await readFile(path.join(out, 'model.json.txt'), 'utf8')).toBe('{"a":1}');
    expect(await readFile(path.join(out, 'book.pdf'), 'utf8')).toBe('%PDF-1.4');
    const inodes = await Promise.all(['a.html', 'book.pdf', 'model.json.txt', 'vp.pdf'].map(async (f) => (await stat(path.join(out, f))).ino));

    const second = await openStaging(out, { keep: () => false, signal: new AbortController().signal });
    await second.add({ path: 'a.html', data: 'A' });
    await second.addChunks('model.json.txt', ['{"a":1}']);
    await second.addCopy('vp.pdf', source);
    await second.addChunks('book.pdf', bytesOf('%PDF-1', '.4'));
    const unchanged = await second.finish(manifest);
    expect(unchanged.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    await unchanged.commit();
    expect(await Promise.all(['a.html', 'book.pdf', 'model.json.txt', 'vp.pdf'].map(async (f) => (await stat(path.join(out, f))).ino))).toEqual(inodes);
    const before = await hashTree(out);

    const third = await openStaging(out, { keep: () => false, signal: new AbortController().signal });
    await third.add({ path: 'b.html', data: 'B' });
    await third.discard();
    await expect(third.add({ path: 'c.html', data: 'C' })).rejects.toThrow(/discarded/);
    expect(await hashTree(out)).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
  });

  it('fails the staging with the error of a file that breaks off while it is made, leaving out/ as it was', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await publish(out, [{ path: 'a.html', data: 'A' }]);
    const before = await hashTree(out);
    async function* breaksOff(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('%PDF');
      throw new Error('a part of the book has no pages');
    }
    const staging = await openStaging(out, { keep: () => false, signal: new AbortController().signal });
    await expect(staging.addChunks('book.pdf', breaksOff())).rejects.toThrow('a part of the book has no pages');
    await expect(staging.finish(manifest)).rejects.toThrow('a part of the book has no pages');
    expect(await hashTree(out)).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
  });

  it('keeps files of the previous output only when asked (--level)', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await publish(out, [{ path: 'vp.pdf', data: 'P' }, { path: 'old.html', data: 'O' }]);
    const kept = await publish(out, [{ path: 'index.html', data: 'I' }], (file) => file.endsWith('.pdf'));
    expect(kept.map((f) => [f.path, f.status])).toEqual([['index.html', 'written'], ['vp.pdf', 'kept']]);
    expect([...(await hashTree(out)).keys()]).toEqual(['index.html', 'manifest.json', 'vp.pdf']);
  });

  it('leaves out/ untouched and no temp folder when aborted or given a bad path', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await publish(out, [{ path: 'a.html', data: 'A' }]);
    const before = await hashTree(out);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(publishOut(out, [{ path: 'a.html', data: 'changed' }], { keep: () => false, manifest, signal: controller.signal })).rejects.toThrow('stop');
    await expect(publish(out, [{ path: '../escape.html', data: 'x' }])).rejects.toThrow(/invalid output path/);
    await expect(publish(out, [{ path: 'a.html', data: '1' }, { path: 'a.html', data: '2' }])).rejects.toThrow(/two renderers/);
    expect(await hashTree(out)).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
    expect(await exists(path.join(project, 'escape.html'))).toBe(false);
  });
});

describe('cleanLeftovers', () => {
  it('removes temp folders of dead builds, spares live ones, and restores out/ lost mid-swap', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    const dead = 2 ** 22 + 12_345; // above Linux's default pid_max, so never a live process
    await mkdir(path.join(project, `out.tmp-${dead}`));
    await mkdir(path.join(project, `out.tmp-${process.ppid}-0`));
    await mkdir(path.join(project, `out.old-${dead}`));
    await writeFile(path.join(project, `out.old-${dead}`, 'index.html'), 'previous');
    const removed = await cleanLeftovers(out);
    expect(removed).toEqual([`out.tmp-${dead}`]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(await strayFolders(project)).toEqual([`out.tmp-${process.ppid}-0`]);
  });
});

describe('RenderCache', () => {
  it('keys entries by salt, path and key, survives reopening, and prunes what no output uses', async () => {
    const project = await tempProject();
    const dir = path.join(project, 'cache');
    const cache = await RenderCache.open(dir, 'salt-1');
    const a = cache.entryFor('vp.pdf', 'key-a');
    expect(a).toMatch(/^[0-9a-f]{64}\.pdf$/);
    expect(cache.entryFor('vp.pdf', 'key-b')).not.toBe(a);
    expect((await RenderCache.open(dir, 'salt-2')).entryFor('vp.pdf', 'key-a')).not.toBe(a);
    expect(await cache.locate(a)).toBeNull();
    await cache.put(a, 'PDF-A');
    const b = cache.entryFor('vp.docx', 'key');
    await cache.put(b, 'DOCX');
    await cache.prune(path.join(project, 'out'), false);

    const next = await RenderCache.open(dir, 'salt-1');
    expect(await readFile((await next.locate(a)) ?? '', 'utf8')).toBe('PDF-A');
    // A partial build keeps the folder's earlier entries; a full one drops what it did not use.
    expect(await next.prune(path.join(project, 'out'), true)).toBe(0);
    expect(await exists(path.join(dir, 'entries', b))).toBe(true);
    const full = await RenderCache.open(dir, 'salt-1');
    await full.locate(a);
    expect(await full.prune(path.join(project, 'out'), false)).toBe(1);
    expect(await exists(path.join(dir, 'entries', b))).toBe(false);
    // Another output folder's entries are not pruned by this one.
    const other = await RenderCache.open(dir, 'salt-1');
    await other.put(b, 'DOCX');
    await other.prune(path.join(project, 'dev-out'), false);
    const again = await RenderCache.open(dir, 'salt-1');
    await again.locate(a);
    await again.prune(path.join(project, 'out'), false);
    expect(await exists(path.join(dir, 'entries', b))).toBe(true);
  });
});

describe('buildManifest', () => {
  it('lists each level and article with its files, the books, and every file', async () => {
    const { readLadderOrThrow } = await import('../helpers/read-content.js');
    const ladder = await readLadderOrThrow(path.join((await tempProject()), 'content'));
    const level = ladder.levels[0]!;
    const file = (p: string): PublishedFile => ({ path: p, bytes: 3, sha256: 'f'.repeat(64), status: 'written' });
    const files = [file(`${level.slug}.html`), file(`${level.slug}.pdf`), file(`${level.slug}-profile.pdf`), file(`${level.slug}.docx`), file('ladder.pdf'), file('index.html')];
    const parsed = JSON.parse(String(buildManifest(ladder, '9.9.9', files).data)) as {
      generator: string;
      levels: { slug: string; files: { path: string; kind: string }[] }[];
      books: { path: string }[];
      files: { path: string }[];
    };
    expect(parsed.generator).toBe('ladderpress 9.9.9');
    expect(parsed.levels[0]?.files.map((f) => [f.path, f.kind])).toEqual([
      [`${level.slug}.html`, 'html'],
      [`${level.slug}.pdf`, 'pdf'],
      [`${level.slug}-profile.pdf`, 'profile'],
      [`${level.slug}.docx`, 'docx'],
    ]);
    expect(parsed.levels).toHaveLength(ladder.levels.length);
    expect(parsed.books.map((b) => b.path)).toEqual(['ladder.pdf']);
    expect(parsed.files).toHaveLength(files.length);
  });
});

describe('concurrent publishing', () => {
  it('lets builds that finish at once take turns, each leaving a complete out/', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    const versions = Array.from({ length: 6 }, (_, i) => [{ path: 'index.html', data: `v${i}` }, { path: `only-${i}.html`, data: 'x' }]);
    await Promise.all(versions.map((files) => publish(out, files)));
    const tree = await hashTree(out);
    // Exactly one build's files, never a mix, and no temp or lock folder left.
    expect(tree.size).toBe(3);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(tree.has(`only-${index.slice(1)}.html`)).toBe(true);
    expect(await strayFolders(project)).toEqual([]);
    expect(await exists(`${out}.lock`)).toBe(false);
  });
});
