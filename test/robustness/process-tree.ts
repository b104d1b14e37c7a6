import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

/** A `ladderpress` run we can watch, signal and wait for, with every process it started. */
export interface WatchedRun {
  readonly child: ChildProcess;
  stderr: string;
  /** Every descendant seen while it ran (Chromium and its helpers), by pid and command. */
  readonly descendants: Map<number, string>;
  readonly exit: Promise<number | null>;
}

export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): WatchedRun {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/ladderpress.js'), ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const run: WatchedRun = {
    child,
    stderr: '',
    descendants: new Map(),
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? null : code))),
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  const timer = setInterval(() => {
    for (const [pid, command] of descendantsOf(child.pid ?? -1)) run.descendants.set(pid, command);
  }, 100);
  void run.exit.then(() => clearInterval(timer));
  return run;
}

/** Resolves when `ready()` holds (polled), or rejects after `timeoutMs`. */
export async function waitFor(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Processes (pid → command line) whose parent chain leads to `root`, from /proc. */
export function descendantsOf(root: number): Map<number, string> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: the parent pid follows it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = new Map<number, string>();
  let added = true;
  while (added) {
    added = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && (ppid === root || found.has(ppid))) {
        found.set(pid, commandLine(pid));
        added = true;
      }
    }
  }
  return found;
}

/** Descendants seen during a run that are still alive (zombies aside). */
export function survivors(run: WatchedRun): string[] {
  return [...run.descendants].filter(([pid]) => isAlive(pid)).map(([pid, command]) => `${pid} ${command.slice(0, 80)}`);
}

/** Alive and not a zombie (a zombie is dead, waiting for its parent to read its exit status). */
export function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return state.slice(state.lastIndexOf(')') + 2, state.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}
