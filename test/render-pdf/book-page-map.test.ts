import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { projectBuild, tempProject } from '../build/build-fixtures.js';

/**
 * The book's contents are numbered from where its chapters fell. A rebuild after an edit starts from
 * the last build's pages and prints the book once when they still hold: whether they hold or not, the
 * book must be the very book a cold build of the same content prints.
 */
describe('the book after an edit, numbered from the last build’s pages', () => {
  let project = '';
  const options = (out: string, clean: boolean): BuildOptions => projectBuild(project, ['pdf'])(out, clean);
  const bookAfterEdit = async (): Promise<{ incremental: Buffer; cold: Buffer }> => {
    expect((await build(options('out', false))).exitCode).toBe(0);
    expect((await build(options('out-cold', true))).exitCode).toBe(0);
    return { incremental: await readFile(path.join(project, 'out', 'ladder.pdf')), cold: await readFile(path.join(project, 'out-cold', 'ladder.pdf')) };
  };

  beforeAll(async () => {
    project = await tempProject('ladderpress-book-pages-');
    expect((await build(options('out', false))).exitCode).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('is the cold build’s book when the edit moved no chapter', async () => {
    const file = path.join(project, 'content', 'levels', 'senior-engineer.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\bteam\b/, 'group'));
    const { incremental, cold } = await bookAfterEdit();
    expect(incremental.equals(cold)).toBe(true);
  }, 240_000);

  it('is the cold build’s book when the edit moved every later chapter', async () => {
    await appendFile(path.join(project, 'content', 'levels', 'engineer.md'), `\n## Notes\n\n${'A paragraph that pushes every later chapter onto later pages. '.repeat(30)}\n\n`.repeat(12));
    const { incremental, cold } = await bookAfterEdit();
    expect(incremental.equals(cold)).toBe(true);
  }, 240_000);
});
