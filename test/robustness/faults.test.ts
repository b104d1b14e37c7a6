import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { signalIfAlive } from '../helpers/signal-process.js';
import { hasStackTrace, listFiles } from './corpus.js';
import { startCli, survivors, waitFor, type WatchedRun } from './process-tree.js';

/**
 * Issue 7, faults: whatever stops a build (Ctrl-C, SIGTERM, kill -9, Chromium dying, a read-only
 * or full disk), the previous out/ is left as it was, no process or temporary folder survives, and
 * the next build succeeds. Each build runs the real CLI with its own TMPDIR, so Chromium's profile
 * folders are ours to count.
 */
let root = '';
let tmp = '';
const content = (): string => path.join(root, 'content');

beforeAll(async () => {
  // Short: Chromium's socket path under this TMPDIR must fit 107 bytes, or its scratch folder would
  // go to /tmp, out of this test's sight.
  root = await mkdtemp(path.join(os.tmpdir(), 'lpf-'));
  tmp = path.join(root, 'tmp');
  await mkdir(tmp);
  await cp(path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'), content(), { recursive: true });
});

afterAll(async () => {
  for (const mount of mounted) execFileSync('umount', ['-l', mount]);
  await rm(root, { recursive: true, force: true });
});

async function hashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir)) result[file] = createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex');
  return result;
}

/** `out.tmp-…` and `out.old-…` folders beside an output folder. */
async function leftovers(outDir: string): Promise<string[]> {
  const name = path.basename(outDir);
  return (await readdir(path.dirname(outDir))).filter((entry) => entry.startsWith(`${name}.tmp-`) || entry.startsWith(`${name}.old-`));
}

function build(outDir: string, only = 'html,pdf,docx', extra: readonly string[] = []): WatchedRun {
  return startCli(['build', content(), '--out', outDir, '--only', only, ...extra], root, { TMPDIR: tmp, SOURCE_DATE_EPOCH: '1767225600' });
}

async function goodBuild(outDir: string, only = 'html,docx'): Promise<Record<string, string>> {
  const run = build(outDir, only);
  const code = await run.exit;
  if (code !== 0) throw new Error(`build failed (${code}): ${run.stderr}`);
  return hashes(outDir);
}

const isChromium = (command: string): boolean => /chrom/i.test(command);


/**
 * After a run: nothing it started is alive, no stack trace was printed, and nothing is left in its
 * TMPDIR but tsx's compile cache — not even Chromium's own `org.chromium.Chromium.*` folder when the
 * browser was killed rather than closed.
 */
async function expectCleanExit(run: WatchedRun, what: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(survivors(run)).toEqual([]);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  const left = (await readdir(tmp)).filter((entry) => !entry.startsWith('tsx-'));
  expect(left, what).toEqual([]);
}

describe.sequential('faults leave the previous out/ intact', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while Chromium prints PDFs', async (signal, exitCode) => {
    const outDir = path.join(root, `out-${signal}`);
    const before = await goodBuild(outDir);
    const run = build(outDir, 'html,pdf,docx', ['--clean']);
    await waitFor(() => [...run.descendants.values()].some(isChromium) && /pdf/.test(run.stderr), 240_000, 'Chromium to print');
    run.child.kill(signal);
    expect(await run.exit, run.stderr).toBe(exitCode);
    // The browser was stopped, not broken: a Chromium that could not start would test nothing here.
    expect(run.stderr).not.toMatch(/did not start/);
    expect(await hashes(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
    await expectCleanExit(run, signal);
  });

  it('Chromium killed mid-build: a clear error (or a recovered build), never half an out/', async () => {
    const outDir = path.join(root, 'out-chromium');
    const before = await goodBuild(outDir);
    const run = build(outDir, 'html,pdf,docx', ['--clean']);
    await waitFor(() => [...run.descendants.values()].some((command) => isChromium(command) && !command.includes('--type=')) && /pdf/.test(run.stderr), 240_000, 'Chromium to start');
    const [browser] = [...run.descendants].find(([, command]) => isChromium(command) && !command.includes('--type=')) ?? [];
    // Never process.kill(-1): that is every process we may signal.
    signalIfAlive(browser ?? Number.NaN, 'SIGKILL');
    const code = await run.exit;
    if (code === 0) {
      expect(Object.keys(await hashes(outDir))).toEqual(expect.arrayContaining(['alpha.pdf', 'beta.pdf', 'alpha.docx']));
    } else {
      expect(await hashes(outDir)).toEqual(before);
      expect(run.stderr).toMatch(/error/i);
    }
    expect(await leftovers(outDir)).toEqual([]);
    await expectCleanExit(run, 'Chromium killed');
  });

  it('kill -9 of the build while it publishes: out/ intact or restored, and the next build succeeds', async () => {
    const outDir = path.join(root, 'out-kill');
    const before = await goodBuild(outDir);
    // A changed page, so publishing has something to write.
    await writeFile(path.join(content(), 'levels/alpha.md'), `${await readFile(path.join(content(), 'levels/alpha.md'), 'utf8')}\nOne more paragraph.\n`);
    const run = build(outDir, 'html,docx');
    let staged = false;
    const poll = setInterval(() => void leftovers(outDir).then((found) => {
      if (found.length > 0 && !staged) {
        staged = true;
        run.child.kill('SIGKILL');
      }
    }), 5);
    const code = await run.exit;
    clearInterval(poll);
    if (code === null) {
      // Killed: out/ is the previous one, or (killed between the two renames) it waits in out.old-<pid>.
      const left = await leftovers(outDir);
      const old = left.find((entry) => entry.includes('.old-'));
      expect(old ? await hashes(path.join(root, old)) : await hashes(outDir)).toEqual(before);
    }
    const next = build(outDir, 'html,docx');
    expect(await next.exit).toBe(0);
    expect(await leftovers(outDir)).toEqual([]);
    expect(Object.keys(await hashes(outDir))).toEqual(Object.keys(before));
    await expectCleanExit(next, 'kill -9');
  });

  it('a read-only output location: a clear error, out/ intact', async () => {
    const parent = path.join(root, 'readonly');
    await mkdir(parent);
    const outDir = path.join(parent, 'out');
    const readOnly = await makeReadOnly(parent, () => goodBuild(outDir));
    // A change, so the build has something to write (with nothing changed it would stop at once, exit 0).
    await writeFile(path.join(content(), 'levels/alpha.md'), `${await readFile(path.join(content(), 'levels/alpha.md'), 'utf8')}\nA change to publish.\n`);
    const run = build(outDir, 'html,docx');
    const code = await run.exit;
    expect(code).not.toBe(0);
    expect(run.stderr).toMatch(/error/i);
    expect(code).toBe(3);
    expect(run.stderr).toMatch(/cannot write the output next to .*: (the file system is read-only|permission denied)/);
    expect(await hashes(outDir)).toEqual(readOnly);
    await expectCleanExit(run, 'read-only');
  });

  it.runIf(canMount())('a full disk: a clear error, out/ intact, no staging folder left', async () => {
    const parent = path.join(root, 'full');
    await mkdir(parent);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', parent]);
    mounted.push(parent);
    const outDir = path.join(parent, 'out');
    const before = await goodBuild(outDir);
    await fill(parent);
    await writeFile(path.join(content(), 'levels/beta.md'), `${await readFile(path.join(content(), 'levels/beta.md'), 'utf8')}\nA change that rewrites every page.\n`);
    const run = build(outDir, 'html,docx');
    expect(await run.exit).not.toBe(0);
    expect(run.stderr).toMatch(/ENOSPC|no space|disk.*full/i);
    expect(await hashes(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
    await expectCleanExit(run, 'full disk');
    await rm(path.join(parent, 'filler'));
    const next = build(outDir, 'html,docx');
    expect(await next.exit).toBe(0);
  });
});

const mounted: string[] = [];

/** Root ignores permissions, so as root the folder becomes a read-only tmpfs; otherwise chmod. */
async function makeReadOnly(parent: string, populate: () => Promise<Record<string, string>>): Promise<Record<string, string>> {
  if (canMount()) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', parent]);
    mounted.push(parent);
    const files = await populate();
    execFileSync('mount', ['-o', 'remount,ro', parent]);
    return files;
  }
  const files = await populate();
  execFileSync('chmod', ['a-w', parent]);
  return files;
}

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills a file system, leaving a few kilobytes: enough to start writing, not to finish. */
async function fill(dir: string): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024);
  const { open } = await import('node:fs/promises');
  const handle = await open(path.join(dir, 'filler'), 'w');
  try {
    for (;;) await handle.write(chunk);
  } catch {
    // ENOSPC: full. Give back a little so the build gets as far as writing.
  } finally {
    await handle.close();
  }
  const { truncate, stat } = await import('node:fs/promises');
  const size = (await stat(path.join(dir, 'filler'))).size;
  await truncate(path.join(dir, 'filler'), Math.max(0, size - 48 * 1024));
}
