import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { exists, strayFolders, tempProject } from './build-fixtures.js';

const build = (project: string, out: string, env: NodeJS.ProcessEnv = {}, only = 'html,docx') =>
  runCli(['build', 'content', '--out', out, '--only', only], { cwd: project, env: { CI: '', ...env } });

/** Issue 17: a user's file or folder that is not a previous ladderpress output is never deleted or replaced. */
describe('the output boundary', () => {
  it('refuses to replace a file named as the output folder, and leaves it as it was', async () => {
    const project = await tempProject('ladderpress-out-file-');
    await writeFile(path.join(project, 'notes.txt'), 'my notes\n');
    const result = await build(project, 'notes.txt');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/notes\.txt is a file, not a folder/);
    expect(await readFile(path.join(project, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(await strayFolders(project)).toEqual([]);
  }, 60_000);

  it('publishes into the target of a linked out/, which stays a link, build after build', async () => {
    const project = await tempProject('ladderpress-out-link-');
    const deploy = path.join(project, 'deploy', 'site');
    await mkdir(deploy, { recursive: true });
    await symlink(deploy, path.join(project, 'out'));
    for (const round of [1, 2]) {
      if (round === 2) await writeFile(path.join(project, 'content', 'levels', 'vp.md'), `${await readFile(path.join(project, 'content', 'levels', 'vp.md'), 'utf8')}\nROUND-TWO-TEXT\n`);
      const result = await build(project, 'out');
      expect(result.code, result.stderr).toBe(0);
      expect((await lstat(path.join(project, 'out'))).isSymbolicLink()).toBe(true);
      expect(await readlink(path.join(project, 'out'))).toBe(deploy);
      expect(await exists(path.join(deploy, 'vp.html'))).toBe(true);
      if (round === 2) expect(await readFile(path.join(deploy, 'vp.html'), 'utf8')).toContain('ROUND-TWO-TEXT');
    }
    expect((await lstat(path.join(project, 'deploy'))).isDirectory()).toBe(true);
    expect(await strayFolders(path.join(project, 'deploy'))).toEqual([]);
  }, 120_000);

  it('refuses a linked out/ whose target is missing, creating nothing', async () => {
    const project = await tempProject('ladderpress-out-dangling-');
    await symlink(path.join(project, 'nowhere'), path.join(project, 'out'));
    const result = await build(project, 'out');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/symbolic link to a folder that does not exist/);
    expect(await exists(path.join(project, 'nowhere'))).toBe(false);
  }, 60_000);

  it('treats a browser that fails to start like a missing one: site and Word documents published, exit 3 with the cause', async () => {
    const project = await tempProject('ladderpress-bad-browser-');
    const result = await build(project, 'out', { PUPPETEER_EXECUTABLE_PATH: '/bin/false' }, 'html,pdf,docx');
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/The browser \/bin\/false did not start/);
    expect(result.stderr).toMatch(/PUPPETEER_EXECUTABLE_PATH/);
    expect(result.stderr).not.toMatch(/internal error|bug in ladderpress/);
    expect(await exists(path.join(project, 'out', 'vp.html'))).toBe(true);
    expect(await exists(path.join(project, 'out', 'vp.docx'))).toBe(true);
    expect(await exists(path.join(project, 'out', 'vp.pdf'))).toBe(false);
  }, 120_000);
});
