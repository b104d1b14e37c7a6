import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../../src/build.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(PROJECT_ROOT, 'bin', 'ladderpress.js');

/** A temporary project folder with a copy of the example content in `content/`. */
export async function tempProject(prefix = 'ladderpress-build-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await cp(path.join(PROJECT_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

/**
 * Options for building a temp project's `content/` into `<project>/<out>`, every build sharing one
 * cache in `<project>/cache`; `clean` for a cold build.
 */
export function projectBuild(project: string, formats: BuildOptions['formats']): (out: string, clean: boolean) => BuildOptions {
  return (out, clean) => ({
    contentDir: path.join(project, 'content'),
    outDir: path.join(project, out),
    cacheDir: path.join(project, 'cache'),
    configFile: null,
    formats,
    strict: false,
    concurrency: 2,
    clean,
  });
}

/** relative path → sha256 of every file under `dir` (empty when it does not exist). */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const hashes = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, full).split(path.sep).join('/'), createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return new Map([...hashes].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The paths whose hash differs (or that exist on one side only). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const all = new Set([...before.keys(), ...after.keys()]);
  return [...all].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** Names beside `out/` that a build should never leave behind. */
export async function strayFolders(project: string): Promise<string[]> {
  return (await readdir(project)).filter((name) => /^out\.(tmp|old)-/.test(name));
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI (`bin/ladderpress.js`) in `cwd`, like a user would. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // CI turns --verify on by default; tests ask for it explicitly, so CI is cleared unless given.
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Processes (e.g. Chromium) that inherited `tag` in their environment and are still running; `command` filters by command line. */
export async function processesTagged(tag: string, command?: RegExp): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const environ = await readFile(`/proc/${name}/environ`).catch(() => null);
    if (!environ?.includes(tag)) continue;
    const cmdline = command ? await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '') : '';
    if (!command || command.test(cmdline)) pids.push(Number(name));
  }
  return pids;
}
