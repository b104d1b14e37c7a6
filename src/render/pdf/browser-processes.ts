import { readdirSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Chromium's scratch folders: `ladderpress-chromium-<pid of the build>-XXXXXX` in the temp folder. */
export const SCRATCH_PREFIX = 'ladderpress-chromium-';

/**
 * Chromium makes its singleton socket at `$TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket`, and a
 * Unix socket's path holds at most 103 bytes on macOS, 107 on Linux: past that Chromium dies at start
 * ("Socket path too long"). macOS's own TMPDIR (/var/folders/…/T/) is already too long for our folder.
 */
const SOCKET_SUFFIX = '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;
const SOCKET_PATH_MAX = process.platform === 'darwin' ? 103 : 107;
/** mkdtemp's random suffix. */
const RANDOM_SUFFIX = 'XXXXXX'.length;

/** Where scratch folders go: the temp folder, or /tmp when the temp folder's path is too long for Chromium. */
function scratchBases(): string[] {
  return [...new Set([os.tmpdir(), ...(process.platform === 'win32' ? [] : ['/tmp'])])];
}

/**
 * A new scratch folder's name prefix: the build's pid in it lets a later build tell a dead one's
 * leftovers. In the temp folder when Chromium's socket path fits there, else in /tmp.
 */
export function scratchPrefix(): string {
  const name = `${SCRATCH_PREFIX}${process.pid}-`;
  const fits = (base: string): boolean => Buffer.byteLength(path.join(base, name)) + RANDOM_SUFFIX + SOCKET_SUFFIX <= SOCKET_PATH_MAX;
  const bases = scratchBases();
  return path.join(bases.find(fits) ?? bases[0] ?? os.tmpdir(), name);
}

/**
 * Removes the scratch folders of builds that are no longer running (killed with -9, power loss):
 * without this each one leaves its profile (megabytes) in the temp folder forever.
 */
export async function cleanDeadScratch(isAlive: (pid: number) => boolean): Promise<string[]> {
  const pattern = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`);
  const removed: string[] = [];
  for (const base of scratchBases()) {
    for (const entry of await readdir(base).catch(() => [] as string[])) {
      const pid = Number(pattern.exec(entry)?.[1] ?? Number.NaN);
      if (!Number.isInteger(pid) || isAlive(pid)) continue;
      await rm(path.join(base, entry), { recursive: true, force: true, maxRetries: 3 }).then(() => removed.push(entry), () => undefined);
    }
  }
  return removed;
}

/**
 * Live processes a browser started: its descendants, and those that left its tree — Chromium's crash
 * handlers fork away into their own process groups, reparented to init — found by the scratch folder
 * each inherited as TMPDIR or names on its command line. Linux (/proc) only; elsewhere none are found.
 */
export function browserProcesses(scratch: string, browserPid: number | undefined): number[] {
  const parents = new Map<number, number>();
  const ours = new Set<number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const marker = Buffer.from(`TMPDIR=${scratch}\0`);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // A zombie is already dead: it only waits to be reaped by its parent.
      if (state === 'Z') continue;
      parents.set(pid, Number(ppid));
      if (pid === browserPid || readFileSync(`/proc/${entry}/cmdline`).includes(scratch) || readFileSync(`/proc/${entry}/environ`).includes(marker)) ours.add(pid);
    } catch {
      // Ended while we looked, or not ours to read.
    }
  }
  for (let added = true; added; ) {
    added = false;
    for (const [pid, ppid] of parents) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        added = true;
      }
    }
  }
  ours.delete(process.pid);
  return [...ours];
}

/** Kills every process the browser started and waits until none is left (at most `timeoutMs`). */
export async function endBrowserProcesses(scratch: string, browserPid: number | undefined, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const alive = browserProcesses(scratch, browserPid);
    if (alive.length === 0 || Date.now() - started > timeoutMs) return;
    killAll(alive);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The synchronous last resort, for the moment ladderpress exits: kills whatever the browser that used
 * `scratch` still runs and waits a moment, so the scratch folder can be removed after it.
 */
export function killBrowserProcessesNow(scratch: string): void {
  killAll(browserProcesses(scratch, undefined));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
}

function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
