import v8 from 'node:v8';

/**
 * How much V8 may grow a heap past what its last full collection kept, in a build that prints.
 * There the Node process makes the site, the Word documents and the print HTML all at once, and
 * V8's own rule lets the main heap grow to 2–4 times its live set before it collects again. At 500
 * levels, with this cap against without (runs paired with the code before it): a cold build of
 * every format peaked at 718–812 MB against 925–997 MB in 1.02–1.08× the wall time (three pairs),
 * a one-file edit at 608–638 MB against 839–945 MB in 1.05× (four pairs). Node's CPU is 1.13–1.16×,
 * but the browser's printing sets the pace. 20 % measured no lower (748 against 775 MB, one pair).
 * Without a browser the cap costs HTML + Word about 1.1× the time, so it is not set then.
 */
const PERCENT_WHEN_PRINTING = 30;

/**
 * Caps the heaps' growth (the main thread's and every worker's: V8 flags are per process) and
 * returns what lifts the cap. V8 reads the flag at each full collection, so setting it at run time
 * takes effect; 0 is V8's default, its dynamic factor. Only for a process that is ours (the CLI): a
 * program calling the API keeps its own V8 settings, and so does a user who started Node with the
 * flag.
 */
export function capHeapGrowthWhenPrinting(): () => void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return () => undefined;
  v8.setFlagsFromString(`--heap-growing-percent=${PERCENT_WHEN_PRINTING}`);
  return () => v8.setFlagsFromString('--heap-growing-percent=0');
}
