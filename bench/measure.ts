import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The preload that makes Node processes report their own peak RSS. */
export const RSS_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'report-max-rss.mjs');

export interface Command {
  readonly argv: readonly [string, ...string[]];
  readonly cwd?: string;
  /** Added to the bench's environment; undefined removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** One timed run of a command. */
export interface Sample {
  readonly ok: boolean;
  readonly wallMs: number;
  /** Peak RSS of the command's own Node process (null when it is not Node). */
  readonly nodeRssKb: number | null;
  /** Highest sum of PSS over the whole process tree (Node + Chromium, or all pandoc processes). */
  readonly treePssKb: number;
  readonly error: string | null;
}

const SAMPLE_EVERY_MS = 200;

/**
 * Runs a command once and measures wall time, the peak RSS of its Node process and the peak PSS of
 * its process tree (sampled from /proc; PSS so that pages Chromium's processes share count once).
 */
export async function measure(command: Command, timeoutMs: number): Promise<Sample> {
  const rssDir = await mkdtemp(path.join(os.tmpdir(), 'bench-rss-'));
  const [file, ...args] = command.argv;
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: command.cwd,
    env: Object.fromEntries(Object.entries({ ...process.env, ...command.env, BENCH_RSS_DIR: rssDir }).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let treePssKb = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treePssKb = Math.max(treePssKb, treePss(child.pid));
  }, SAMPLE_EVERY_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killTree(child.pid);
  }, timeoutMs);
  const exit = await new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      stderr += String(error);
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(timer);
  const nodeRssKb = await rootNodeRss(rssDir, child.pid);
  await rm(rssDir, { recursive: true, force: true });
  const ok = exit === 0 && !timedOut;
  const error = ok ? null : timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exit ${exit}: ${lastLines(stderr)}`;
  return { ok, wallMs, nodeRssKb, treePssKb, error };
}

async function rootNodeRss(dir: string, pid: number | undefined): Promise<number | null> {
  const files = await readdir(dir);
  const reports = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { pid: number; maxRssKb: number }));
  // The root is usually the Node process; when a shell starts Node, take the largest Node process.
  const root = reports.find((report) => report.pid === pid);
  if (root) return root.maxRssKb;
  return reports.length > 0 ? Math.max(...reports.map((report) => report.maxRssKb)) : null;
}

/** The line naming the error (stack traces and dumped objects follow it), else the last lines. */
function lastLines(text: string): string {
  const lines = text.trim().split('\n');
  const named = lines.find((line) => /\b[A-Z]\w*Error\b|\berror:|Timeout|timed out|ENOENT|crash/i.test(line));
  return (named ?? lines.slice(-3).join(' | ')).trim().slice(0, 300);
}

/** Kills the process group the command leads (it was spawned detached). */
export function killTree(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Sum of PSS (kB) of a process and all its descendants, right now. */
function treePss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrNull(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop();
    if (pid === undefined) break;
    const rollup = readOrNull(`/proc/${pid}/smaps_rollup`);
    const pss = rollup ? /^Pss:\s+(\d+)/m.exec(rollup)?.[1] : undefined;
    total += pss ? Number(pss) : 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
