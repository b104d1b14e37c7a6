import { build } from '../build.js';
import { EXIT } from '../exit-codes.js';
import { failure } from '../failures.js';
import { chooseProgress } from '../progress/choose-progress.js';
import { silentProgress } from '../progress/progress.js';
import { FORMAT_NAMES, type FormatName } from '../formats.js';
import { abortOnSignal, SIGNAL_EXIT } from './abort-on-signal.js';
import { outcomeJson, printOutcomeText, type RunEnd } from './print-outcome.js';
import { reportInternalError } from './report-internal-error.js';

export interface BuildCommandOptions {
  readonly out: string | null;
  readonly config: string | null;
  readonly strict: boolean;
  readonly json: boolean;
  readonly only: readonly string[] | null;
  readonly levels: readonly string[];
  readonly concurrency: string | null;
  readonly clean: boolean;
  readonly quiet: boolean;
  readonly verify: boolean;
}

/** `ladderpress build`: content → out/, with progress on stderr and, with --json, one object on stdout. */
export async function runBuild(dir: string | null, options: BuildCommandOptions): Promise<number> {
  const report = (end: RunEnd): number => {
    if (options.json) process.stdout.write(`${JSON.stringify(outcomeJson(end), null, 2)}\n`);
    else printOutcomeText(end, options, (line) => process.stderr.write(`${line}\n`));
    return 'early' in end ? end.early.exitCode : end.outcome.exitCode;
  };
  const usage = (problem: string): number => {
    const { message, hint, exitCode } = failure('usage', { problem });
    return report({ early: { exitCode, error: message, hint } });
  };
  const unknown = options.only?.filter((format) => !isFormatName(format)) ?? [];
  if (unknown.length > 0) return usage(`unknown format ${unknown.join(', ')} in --only (use ${FORMAT_NAMES.join(',')})`);
  if (options.only && options.only.length === 0) return usage('--only needs at least one format');
  const concurrency = options.concurrency === null ? null : Number(options.concurrency);
  if (concurrency !== null && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    return usage(`--concurrency must be a whole number from 1 to 64, not "${options.concurrency}"`);
  }

  const interrupt = abortOnSignal((name) => process.stderr.write(`\n${name}: stopping; out/ is left as it was…\n`));
  const stopped = (name: keyof typeof SIGNAL_EXIT): number => (options.json ? report({ early: { exitCode: SIGNAL_EXIT[name], error: `stopped by ${name}`, hint: null } }) : SIGNAL_EXIT[name]);
  const progress = options.quiet ? silentProgress : chooseProgress();
  try {
    const outcome = await build({
      contentDir: dir,
      outDir: options.out,
      configFile: options.config,
      formats: options.only?.filter(isFormatName) ?? null,
      strict: options.strict,
      concurrency,
      levels: options.levels,
      clean: options.clean,
      signal: interrupt.signal,
      progress,
      verify: options.verify,
      capHeapWhenPrinting: true,
    });
    // A signal that arrived while the build was failing anyway decides the exit code.
    const stoppedBy = interrupt.received();
    if (stoppedBy && outcome.exitCode !== EXIT.ok) return stopped(stoppedBy);
    return report({ outcome });
  } catch (error) {
    progress.stop();
    const name = interrupt.received();
    if (name && interrupt.signal.aborted) return stopped(name);
    const exitCode = reportInternalError(error);
    if (options.json) report({ early: { exitCode, error: `internal error: ${error instanceof Error ? error.message : String(error)}`, hint: null } });
    return exitCode;
  } finally {
    interrupt.dispose();
  }
}

function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
