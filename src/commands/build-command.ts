import path from 'node:path';
import { build } from '../build.js';
import { formatDiagnostic, formatSummary } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { chooseProgress } from '../progress/choose-progress.js';
import { silentProgress } from '../progress/progress.js';
import { FORMAT_NAMES, type FormatName } from '../formats.js';
import { abortOnSignal, SIGNAL_EXIT } from './abort-on-signal.js';
import { printSummary } from './print-summary.js';
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
  const usage = (message: string): number => {
    if (options.json) printJson({ ok: false, exitCode: EXIT.usage, error: message, diagnostics: [], files: [], stats: null });
    else process.stderr.write(`error: ${message}\n(run "ladderpress build --help" for usage)\n`);
    return EXIT.usage;
  };
  const unknown = options.only?.filter((format) => !isFormatName(format)) ?? [];
  if (unknown.length > 0) return usage(`unknown format ${unknown.join(', ')} in --only (use ${FORMAT_NAMES.join(',')})`);
  if (options.only && options.only.length === 0) return usage('--only needs at least one format');
  const concurrency = options.concurrency === null ? null : Number(options.concurrency);
  if (concurrency !== null && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
    return usage(`--concurrency must be a whole number from 1 to 64, not "${options.concurrency}"`);
  }

  const interrupt = abortOnSignal((name) => process.stderr.write(`\n${name}: stopping; out/ is left as it was…\n`));
  const progress = options.quiet ? silentProgress : chooseProgress();
  try {
    const result = await build({
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
    });
    if (result.usageError) return usage(result.usageError);
    // A signal that arrived while the build was failing anyway decides the exit code.
    const stoppedBy = interrupt.received();
    if (stoppedBy && result.exitCode !== EXIT.ok) {
      if (options.json) printJson({ ok: false, exitCode: SIGNAL_EXIT[stoppedBy], error: `stopped by ${stoppedBy}`, diagnostics: [], files: [], stats: null });
      return SIGNAL_EXIT[stoppedBy];
    }
    const ok = result.exitCode === EXIT.ok;
    if (options.json) {
      printJson({
        ok,
        exitCode: result.exitCode,
        ...(result.environmentError ? { error: result.environmentError } : {}),
        errors: result.diagnostics.errorCount,
        warnings: result.diagnostics.warningCount,
        diagnostics: result.diagnostics.all,
        verify: result.verifyProblems,
        files: result.files.map((file) => ({ path: file.path, bytes: file.bytes, sha256: file.sha256, status: file.status })),
        stats: result.stats,
      });
      return result.exitCode;
    }
    for (const diagnostic of result.diagnostics.all) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    if (result.diagnostics.all.length > 0) process.stderr.write(`${formatSummary(result.diagnostics.errorCount, result.diagnostics.warningCount)}\n`);
    for (const problem of result.verifyProblems ?? []) process.stderr.write(`${path.join(result.outDir, problem.file)}  error  ${problem.message}  verify:${problem.check}\n`);
    if (result.verifyProblems && result.verifyProblems.length > 0) process.stderr.write(`--verify found ${result.verifyProblems.length} problem(s) in the new output; it was not published\n`);
    if (result.environmentError) process.stderr.write(`error: ${result.environmentError}\nThe site and Word documents were published without PDFs.\n`);
    if (result.files.length > 0 && !options.quiet) printSummary(result, (line) => process.stderr.write(`${line}\n`));
    else if (!ok && !options.quiet) process.stderr.write(`nothing written: ${result.outDir}/ is unchanged\n`);
    return result.exitCode;
  } catch (error) {
    progress.stop();
    const name = interrupt.received();
    if (name && interrupt.signal.aborted) {
      if (options.json) printJson({ ok: false, exitCode: SIGNAL_EXIT[name], error: `stopped by ${name}`, diagnostics: [], files: [], stats: null });
      return SIGNAL_EXIT[name];
    }
    if (error instanceof Error && error.name === 'OutputLocationError') {
      if (options.json) printJson({ ok: false, exitCode: EXIT.environment, error: error.message, diagnostics: [], files: [], stats: null });
      else process.stderr.write(`error: ${error.message}\n`);
      return EXIT.environment;
    }
    if (error instanceof Error && error.name === 'DocumentTimeoutError') {
      // A machine too slow or too busy for the limit: the environment, not a bug. Nothing was published.
      const message = `${error.message}. Nothing was written.`;
      if (options.json) printJson({ ok: false, exitCode: EXIT.environment, error: message, diagnostics: [], files: [], stats: null });
      else process.stderr.write(`error: ${message}\n`);
      return EXIT.environment;
    }
    const exitCode = reportInternalError(error);
    if (options.json) printJson({ ok: false, exitCode, error: `internal error: ${error instanceof Error ? error.message : String(error)}`, diagnostics: [], files: [], stats: null });
    return exitCode;
  } finally {
    interrupt.dispose();
  }
}

function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
