import { liveProgress } from './live-progress.js';
import { plainProgress } from './plain-progress.js';
import type { Progress } from './progress.js';

/** A live display on an interactive terminal; plain lines in CI, when piped, or on a dumb terminal. */
export function chooseProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const interactive = stream.isTTY === true && !env['CI'] && env['TERM'] !== 'dumb';
  return interactive ? liveProgress(stream) : plainProgress((line) => stream.write(`${line}\n`));
}
