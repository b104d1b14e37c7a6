import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { changedPaths, hashTree, projectBuild, tempProject } from '../build/build-fixtures.js';

/**
 * A rebuild reuses every page whose template, view and layout are those of a page it kept: the site
 * it publishes must be, byte for byte, the site a cold build of the same content makes — also when
 * the edit reaches every page (a level's name is in every page's navigation).
 */
describe('pages reused after an edit', () => {
  let project = '';
  const options = (out: string, clean: boolean): BuildOptions => projectBuild(project, ['html'])(out, clean);
  const level = (): string => path.join(project, 'content', 'levels', 'senior-engineer.md');
  /** The published site after the edit, against a cold build of the same content; and which pages changed. */
  const rebuild = async (): Promise<{ changed: string[] }> => {
    const before = await hashTree(path.join(project, 'out'));
    expect((await build(options('out', false))).exitCode).toBe(0);
    expect((await build(options('out-cold', true))).exitCode).toBe(0);
    const after = await hashTree(path.join(project, 'out'));
    expect(changedPaths(after, await hashTree(path.join(project, 'out-cold')))).toEqual([]);
    return { changed: changedPaths(before, after).filter((file) => file.endsWith('.html')) };
  };

  beforeAll(async () => {
    project = await tempProject('ladderpress-page-reuse-');
    expect((await build(options('out', false))).exitCode).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('is the cold build’s site when a level’s text changed, and only that level’s pages changed', async () => {
    await writeFile(level(), (await readFile(level(), 'utf8')).replace('unblock others', 'unblock the people around you'));
    const { changed } = await rebuild();
    expect(changed).toContain('senior-engineer.html');
    expect(changed).not.toContain('engineer.html');
    expect(changed).not.toContain('vp.html');
  }, 120_000);

  it('is the cold build’s site when a level’s name changed, which every page shows', async () => {
    await writeFile(level(), (await readFile(level(), 'utf8')).replace('label: Senior Engineer', 'label: Senior Engineer II'));
    const { changed } = await rebuild();
    expect(changed).toEqual(expect.arrayContaining(['index.html', 'engineer.html', 'vp.html', 'senior-engineer.html']));
  }, 120_000);
});
