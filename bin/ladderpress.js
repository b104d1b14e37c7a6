#!/usr/bin/env node
// Runs the compiled CLI in dist/ (made by `npm install`/`npm ci` through "prepare", and by
// `npm test`/`npm run dev`). When src/ is newer than dist/ — an edit not compiled yet — it runs the
// TypeScript sources through tsx instead, so a stale build can never run by mistake.
import { readdirSync, statSync } from 'node:fs';

// `ladderpress model | head` closes the pipe early: that is the reader saying "enough", not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const compiled = new URL('../dist/cli.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

/** Newest modification time of the files under `dir`, or -1 when it does not exist. */
function newestMtime(dir) {
  let newest = -1;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  } catch {
    // No src/ (an installed package ships dist/ only): nothing can be newer.
  }
  return newest;
}

function compiledIsCurrent() {
  try {
    return statSync(compiled).mtimeMs >= newestMtime(sources);
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) {
  // With DEBUG set (DEBUG=ladderpress prints an internal error's trace, see report-internal-error.ts),
  // a trace names the sources' files and lines instead of the bundle's; set before the bundle loads,
  // as Node requires. Any DEBUG turns the maps on: reading them costs only then.
  if (process.env.DEBUG) process.setSourceMapsEnabled(true);
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
