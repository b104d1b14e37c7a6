/**
 * Sends `signal` to `pid` unless it already exited: a process listed a moment ago (a Chromium
 * renderer, a helper) may be gone by now, and that is no failure of the code under test.
 */
export function signalIfAlive(pid: number, signal: NodeJS.Signals): void {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`not a process id: ${pid}`);
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
