import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { changedPaths, hashTree, tempProject } from './build-fixtures.js';

interface BuildJson {
  readonly ok: boolean;
  readonly warnings: number;
  readonly diagnostics: readonly { code: string; file: string; line: number }[];
  readonly files: readonly { path: string; status: string }[];
  readonly stats: { upToDate: boolean; cache: { model: boolean } };
}

/**
 * A rebuild whose inputs and output are exactly as the last build left them stops before reading
 * anything; every other change (content, options, a file of out/ touched or removed) builds again.
 */
describe('a build with nothing to do', () => {
  let project = '';
  const out = (): string => path.join(project, 'out');
  const build = async (...extra: string[]): Promise<BuildJson> => {
    // CI turns --verify on by default; the option must differ from the default in the test below.
    const result = await runCli(['build', 'content', '--out', 'out', '--only', 'html,docx', '--json', ...extra], { cwd: project, env: { CI: '' } });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as BuildJson;
  };

  beforeAll(async () => {
    project = await tempProject('ladderpress-uptodate-');
    // A warning the skipped build must repeat.
    await appendFile(path.join(project, 'content', 'levels', 'vp.md'), '\n![Team photo](images/missing.png)\n');
    const first = await build();
    expect(first.stats.upToDate).toBe(false);
    expect(first.diagnostics.map((d) => d.code)).toContain('missing-image');
  }, 120_000);

  it('reads and writes nothing, and repeats the warnings of the build it stands for', async () => {
    const before = await hashTree(out());
    const mtime = (await stat(path.join(out(), 'vp.html'))).mtimeMs;
    const again = await build();
    expect(again.stats.upToDate).toBe(true);
    expect(again.stats.cache.model).toBe(true);
    expect(again.files.length).toBeGreaterThan(20);
    expect(again.files.every((file) => file.status === 'unchanged')).toBe(true);
    expect(again.diagnostics.map((d) => d.code)).toEqual(['missing-image']);
    expect(changedPaths(before, await hashTree(out()))).toEqual([]);
    expect((await stat(path.join(out(), 'vp.html'))).mtimeMs).toBe(mtime);

    const text = await runCli(['build', 'content', '--out', 'out', '--only', 'html,docx'], { cwd: project, env: { CI: '' } });
    expect(text.stderr).toMatch(/out\/ is up to date .*nothing changed since the last build/);
    expect(text.stderr).toMatch(/levels\/vp\.md:\d+:\d+ +warning .*missing-image/);
  }, 60_000);

  it('builds again when a content file changes', async () => {
    const file = path.join(project, 'content', 'levels', 'manager.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    const rebuilt = await build();
    expect(rebuilt.stats.upToDate).toBe(false);
    expect(rebuilt.files.find((f) => f.path === 'manager.html')?.status).toBe('written');
    expect((await build()).stats.upToDate).toBe(true);
  }, 120_000);

  it('builds again when a published file was removed or edited', async () => {
    const before = await hashTree(out());
    await rm(path.join(out(), 'vp.docx'));
    expect((await build()).stats.upToDate).toBe(false);
    expect(changedPaths(before, await hashTree(out()))).toEqual([]);

    const page = path.join(out(), 'index.html');
    const original = await readFile(page);
    // Same size, different bytes, mtime put back: only the mtime check could miss it, so move it.
    await writeFile(page, Buffer.from(original).fill(0x20, 0, 10));
    await utimes(page, new Date(), new Date(Date.now() + 5_000));
    expect((await build()).stats.upToDate).toBe(false);
    expect(changedPaths(before, await hashTree(out()))).toEqual([]);
  }, 120_000);

  it('builds again with other options, and always with --clean', async () => {
    expect((await build('--verify')).stats.upToDate).toBe(false);
    expect((await build()).stats.upToDate).toBe(false);
    expect((await build()).stats.upToDate).toBe(true);
    expect((await build('--clean')).stats.upToDate).toBe(false);
    // Issue 17: a --clean build records what it built like any other.
    expect((await build()).stats.upToDate).toBe(true);
  }, 180_000);

  it('builds again when an image appears, and its link resolves (the cached model is not reused)', async () => {
    const image = path.join(project, 'content', 'levels', 'images', 'missing.png');
    await mkdir(path.dirname(image), { recursive: true });
    await writeFile(image, Buffer.from('89504e470d0a1a0a', 'hex'));
    const rebuilt = await build();
    expect(rebuilt.stats.upToDate).toBe(false);
    expect(rebuilt.diagnostics.map((d) => d.code)).not.toContain('missing-image');
  }, 120_000);

  it('builds again when a git commit changes a level’s date but no byte of content', async () => {
    const git = (date: string, ...args: string[]): void =>
      void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: project, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    const updated = async (page: string): Promise<string | undefined> => /<p class="last-updated">Last updated <time datetime="([\d-]+)">/.exec(await readFile(path.join(out(), page), 'utf8'))?.[1];
    git('2025-02-03T10:00:00Z', 'init', '-q');
    git('2025-02-03T10:00:00Z', 'add', 'content');
    git('2025-02-03T10:00:00Z', 'commit', '-q', '-m', 'content');
    expect((await build()).stats.upToDate).toBe(false);
    expect(await updated('manager.html')).toBe('2025-02-03');
    // Edited and built before it is committed: the file's date is still its last commit's.
    const file = path.join(project, 'content', 'levels', 'manager.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nCommitted later.\n`);
    expect((await build()).stats.upToDate).toBe(false);
    expect(await updated('manager.html')).toBe('2025-02-03');
    git('2025-03-04T10:00:00Z', 'commit', '-q', '-am', 'manager');
    expect((await build()).stats.upToDate).toBe(false);
    expect(await updated('manager.html')).toBe('2025-03-04');
    expect(await updated('vp.html')).toBe('2025-02-03');
    // A commit that changes no file changes no date: nothing to do.
    git('2025-04-05T10:00:00Z', 'commit', '-q', '--allow-empty', '-m', 'empty');
    expect((await build()).stats.upToDate).toBe(true);
  }, 240_000);
});
