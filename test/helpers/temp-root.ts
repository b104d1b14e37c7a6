import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: every temporary folder a test makes (mkdtemp under os.tmpdir(), the CLI's and
 * Chromium's scratch) goes into one folder per run, removed when the run ends, so a suite that fails
 * before its cleanup, or one that does not clean up, leaves nothing behind in the system's /tmp.
 * Workers and the processes tests start inherit TMPDIR, set here before any of them exists.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ladderpress-tests-'));
  // Open to every user, as /tmp is: some suites run the CLI as an unprivileged user.
  chmodSync(root, 0o1777);
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
