import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { tempProject } from './build-fixtures.js';

/**
 * --clean is a cold build (nothing taken from the cache), not a deletion of the cache: another
 * output folder or the dev server sharing the cache keeps every entry it uses, even mid-build.
 */
describe('build --clean beside another output folder sharing the cache', () => {
  let project = '';
  const cacheDir = (): string => path.join(project, 'cache');
  const options = (out: string, clean = false): BuildOptions => ({
    contentDir: path.join(project, 'content'),
    outDir: path.join(project, out),
    cacheDir: cacheDir(),
    configFile: null,
    formats: ['html', 'docx'],
    strict: false,
    concurrency: 1,
    clean,
  });

  beforeAll(async () => {
    project = await tempProject('ladderpress-clean-');
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('renders every document again and leaves the other folder’s cache entries in place', async () => {
    expect((await build(options('site-a'))).exitCode).toBe(0);
    const uses = await readdir(path.join(cacheDir(), 'uses'));
    expect(uses).toHaveLength(1);
    const usedByA = (JSON.parse(await readFile(path.join(cacheDir(), 'uses', uses[0] ?? ''), 'utf8')) as { entries: string[] }).entries;
    expect(usedByA.length).toBeGreaterThan(0);

    const clean = await build(options('site-b', true));
    expect(clean.exitCode).toBe(0);
    expect(clean.stats.cache.hits).toBe(0);
    expect(clean.stats.cache.model).toBe(false);
    expect(usedByA.filter((entry) => !existsSync(path.join(cacheDir(), 'entries', entry)))).toEqual([]);

    // And site-a's next build still finds its documents in the cache.
    const again = await build(options('site-a', false));
    expect(again.stats.cache.misses).toBe(0);
  });
});
