import { execFile } from 'node:child_process';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, changedPaths, exists, hashTree, tempProject } from './build-fixtures.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Permissions only bind an ordinary user: as root (CI containers) the CLI runs as "nobody" through
 * setpriv, so an unreadable file really is unreadable to it.
 */
function runAsUser(args: readonly string[], cwd: string): Promise<Run> {
  const drop = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [command = process.execPath, ...rest] = [...drop, process.execPath];
  return new Promise((resolve) => {
    execFile(command, [...rest, BIN, ...args], { cwd, env: { ...process.env, CI: '', HOME: path.join(cwd, 'home') } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A project the unprivileged user can build in, with content it can read but not write. */
async function project(prefix: string): Promise<string> {
  const dir = await tempProject(prefix);
  await chmod(dir, 0o777);
  await mkdir(path.join(dir, 'home'), { mode: 0o777 });
  await chmod(path.join(dir, 'home'), 0o777);
  return dir;
}

/** Issue 17 #5: what cannot be read is a content error naming its path and cause, never "a bug in ladderpress". */
describe('content that cannot be read', () => {
  it('an unreadable level: check --json prints its JSON with the file and the cause; build exits 1 and writes nothing', async () => {
    const dir = await project('ladderpress-unreadable-file-');
    await chmod(path.join(dir, 'content', 'levels', 'vp.md'), 0o000);
    const check = await runAsUser(['check', 'content', '--json'], dir);
    expect(check.code, check.stderr).toBe(1);
    const json = JSON.parse(check.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    expect(json.diagnostics.filter((d) => d.code === 'unreadable-file').map((d) => [d.file, d.message])).toEqual([['content/levels/vp.md', expect.stringMatching(/permission denied \(EACCES\)/)]]);
    const build = await runAsUser(['build', 'content', '--out', 'out', '--only', 'html,docx'], dir);
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toMatch(/content\/levels\/vp\.md:1:1 {2}error {2}.*permission denied.* {2}unreadable-file/);
    expect(build.stderr).not.toMatch(/internal error|bug in ladderpress/);
    expect(await exists(path.join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('an unreadable levels/ folder says so, not "No role documents found"', async () => {
    const dir = await project('ladderpress-unreadable-folder-');
    await chmod(path.join(dir, 'content', 'levels'), 0o000);
    const check = await runAsUser(['check', 'content', '--json'], dir);
    await chmod(path.join(dir, 'content', 'levels'), 0o755);
    expect(check.code, check.stderr).toBe(1);
    const json = JSON.parse(check.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    expect(json.diagnostics.map((d) => [d.file, d.code])).toEqual([['content/levels', 'unreadable-file']]);
    expect(json.diagnostics[0]?.message).toMatch(/The folder levels\/ cannot be read: permission denied/);
  }, 60_000);

  it('a content folder on a read-only location builds, and nothing is written into it', async () => {
    const dir = await project('ladderpress-read-only-content-');
    const content = path.join(dir, 'content');
    const before = await hashTree(content);
    // Owned by root and not writable by others (or, as an ordinary user, made read-only).
    if (process.getuid?.() !== 0) await chmod(content, 0o555);
    const build = await runAsUser(['build', 'content', '--out', 'out', '--only', 'html,docx'], dir);
    await chmod(content, 0o755);
    expect(build.code, build.stderr).toBe(0);
    expect(await exists(path.join(dir, 'out', 'vp.html'))).toBe(true);
    expect(changedPaths(before, await hashTree(content))).toEqual([]);
  }, 120_000);
});
