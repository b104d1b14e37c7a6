import { liveProgress } from './live-progress.js';
import { plainProgress } from './plain-progress.js';
import type { Progress } from './progress.js';

/** A live display on an interactive terminal; plain lines in CI, when piped, or on a dumb terminal. */
export function chooseProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  // A terminal without a size (some CI runners, `script`) would show an empty live display.
  const sized = (stream.rows ?? 0) > 0 && (stream.columns ?? 0) > 0;
  const interactive = stream.isTTY === true && sized && !env['CI'] && env['TERM'] !== 'dumb';
  return interactive ? liveProgress(stream) : plainProgress((line) => stream.write(`${line}\n`));
}
