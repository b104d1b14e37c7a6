import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { changedPaths, hashTree, tempProject } from './build-fixtures.js';
import { countingRenderers } from './counting-renderers.js';

describe('incremental builds', () => {
  let project = '';
  const options = (): BuildOptions => ({
    contentDir: path.join(project, 'content'),
    outDir: path.join(project, 'out'),
    configFile: null,
    formats: null,
    strict: false,
    concurrency: 2,
    cacheDir: path.join(project, '.cache'),
  });

  beforeAll(async () => {
    project = await tempProject();
  });

  it('renders every document on a cold build and none on a rebuild with nothing changed', async () => {
    const cold = countingRenderers();
    const first = await build({ ...options(), outputs: cold.outputs });
    expect(first.exitCode).toBe(0);
    const checklists = first.files.filter((f) => f.path.includes('-checklist.')).map((f) => f.path);
    const pdfs = first.files.filter((f) => f.path.endsWith('.pdf') && !checklists.includes(f.path)).map((f) => f.path);
    const docx = first.files.filter((f) => f.path.endsWith('.docx') && !f.path.endsWith('-job-description.docx') && !checklists.includes(f.path)).map((f) => f.path);
    const postings = first.files.filter((f) => f.path.includes('-job-description.')).map((f) => f.path);
    expect(pdfs).toContain('ladder.pdf');
    expect(docx).toContain('ladder.docx');
    expect(cold.counts.pdf.sort()).toEqual(pdfs.sort());
    expect(cold.counts.docx.sort()).toEqual(docx.sort());
    const before = await hashTree(path.join(project, 'out'));

    const warm = countingRenderers();
    const second = await build({ ...options(), outputs: warm.outputs });
    expect(second.exitCode).toBe(0);
    expect(warm.counts).toEqual({ pdf: [], docx: [] });
    expect([first.stats.cache.model, second.stats.cache.model]).toEqual([false, true]);
    expect(checklists).toHaveLength(10);
    expect(second.stats.cache.hits).toBe(pdfs.length + docx.length + postings.length + checklists.length);
    expect(second.stats.files.written).toBe(0);
    expect(changedPaths(before, await hashTree(path.join(project, 'out')))).toEqual([]);
  });

  it('re-renders only the edited level and what depends on it', async () => {
    const before = await hashTree(path.join(project, 'out'));
    const file = path.join(project, 'content', 'levels', 'manager.md');
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const bullet = lines.findIndex((line, i) => i > 10 && /^- \S/.test(line));
    expect(bullet).toBeGreaterThan(0);
    lines[bullet] = `${lines[bullet]} Edited for the incremental test.`;
    await writeFile(file, lines.join('\n'));

    const edit = countingRenderers();
    const result = await build({ ...options(), outputs: edit.outputs });
    expect(result.exitCode).toBe(0);
    // The level's own documents and the books; the level above's too when they show its delta from the
    // manager (which changed); nothing of the other levels.
    const mayRender = (paths: readonly string[], must: readonly string[], may: readonly string[]): void => {
      expect(paths).toEqual(expect.arrayContaining(must.filter((p) => before.has(p))));
      expect(paths.filter((p) => !must.includes(p) && !may.includes(p))).toEqual([]);
    };
    mayRender(edit.counts.pdf, ['ladder.pdf', 'manager-profile.pdf', 'manager.pdf'], ['director-profile.pdf', 'director.pdf']);
    mayRender(edit.counts.docx, ['ladder.docx', 'manager.docx'], ['director.docx']);
    expect(result.stats.cache.model).toBe(false);

    const changed = changedPaths(before, await hashTree(path.join(project, 'out')));
    expect(changed).toEqual(expect.arrayContaining(['manager.html', 'manager.pdf', 'manager.docx', 'ladder.pdf', 'ladder.docx', 'model.json', 'manifest.json']));
    const dependsOnManager = (p: string): boolean =>
      /^(manager|director)[.-]/.test(p) || /^ladder\./.test(p) || /^compare\/.*(manager|director)/.test(p) || /^assess\/(manager|director)\./.test(p) || ['model.json', 'manifest.json', 'matrix.html', 'index.html', 'compare.html'].includes(p) || p.startsWith('assets/search');
    expect(changed.filter((p) => !dependsOnManager(p))).toEqual([]);
    for (const other of ['engineer', 'senior-engineer', 'vp']) {
      expect(changed.some((p) => p.startsWith(`${other}.`) || p.startsWith(`${other}-`))).toBe(false);
    }
    expect(result.stats.files.unchanged).toBeGreaterThan(result.stats.files.written);
  });
});

describe('--level', () => {
  it("renders only the named level's documents and keeps the rest of the previous output", async () => {
    const project = await tempProject();
    const options: BuildOptions = {
      contentDir: path.join(project, 'content'),
      outDir: path.join(project, 'out'),
      configFile: null,
      formats: ['html', 'docx'],
      strict: false,
      concurrency: 2,
      cacheDir: path.join(project, '.cache'),
    };
    expect((await build(options)).exitCode).toBe(0);
    const before = await hashTree(path.join(project, 'out'));
    for (const slug of ['manager', 'vp']) {
      const file = path.join(project, 'content', 'levels', `${slug}.md`);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^(# .*)$/m, `$1\n\nA new sentence about ${slug}.`));
    }
    const counted = countingRenderers();
    const result = await build({ ...options, levels: ['manager'], outputs: counted.outputs });
    expect(result.exitCode).toBe(0);
    expect(counted.counts.docx).toEqual(['manager.docx']);
    const status = new Map(result.files.map((file) => [file.path, file.status]));
    expect(status.get('manager.docx')).toBe('written');
    expect(status.get('vp.docx')).toBe('kept');
    expect(status.get('ladder.docx')).toBe('kept');
    const changed = changedPaths(before, await hashTree(path.join(project, 'out')));
    expect(changed).toContain('manager.docx');
    expect(changed).toContain('vp.html');
    expect(changed).not.toContain('vp.docx');
    expect(changed).not.toContain('ladder.docx');
  });
});
