import path from 'node:path';
import type { BuildOutcome } from '../build.js';
import { formatDiagnostic, formatSummary } from '../diagnostics.js';
import { printSummary } from './print-summary.js';

/** A run that ended before or around a build (usage mistake, Ctrl-C, a bug): no diagnostics, files or stats. */
export interface EarlyEnd {
  readonly exitCode: number;
  readonly error: string;
  readonly hint: string | null;
}

/** How `ladderpress build` ended, whichever way. */
export type RunEnd = { readonly outcome: BuildOutcome } | { readonly early: EarlyEnd };

/** The one JSON object `build --json` prints on stdout. */
export function outcomeJson(end: RunEnd): object {
  if ('early' in end) return { ok: false, exitCode: end.early.exitCode, error: end.early.error, diagnostics: [], files: [], stats: null };
  const { outcome } = end;
  return {
    ok: outcome.exitCode === 0,
    exitCode: outcome.exitCode,
    ...(outcome.failure ? { error: outcome.failure.message, code: outcome.failure.code } : {}),
    errors: outcome.diagnostics.errorCount,
    warnings: outcome.diagnostics.warningCount,
    diagnostics: outcome.diagnostics.all,
    verify: outcome.verifyProblems,
    files: outcome.files.map((file) => ({ path: file.path, bytes: file.bytes, sha256: file.sha256, status: file.status })),
    stats: outcome.stats,
  };
}

/** The lines a person reads on stderr: problems first, then what was (not) published. */
export function printOutcomeText(end: RunEnd, options: { readonly quiet: boolean }, write: (line: string) => void): void {
  if ('early' in end) {
    write(`error: ${end.early.error}`);
    if (end.early.hint) write(`(${end.early.hint})`);
    return;
  }
  const { outcome } = end;
  for (const diagnostic of outcome.diagnostics.all) write(formatDiagnostic(diagnostic));
  if (outcome.diagnostics.all.length > 0) write(formatSummary(outcome.diagnostics.errorCount, outcome.diagnostics.warningCount));
  for (const problem of outcome.verifyProblems ?? []) write(`${path.join(outcome.outDir, problem.file)}  error  ${problem.message}  verify:${problem.check}`);
  if (outcome.verifyProblems && outcome.verifyProblems.length > 0) write(`--verify found ${outcome.verifyProblems.length} problem(s) in the new output; it was not published`);
  if (outcome.failure) {
    write(`error: ${outcome.failure.message}`);
    if (outcome.failure.hint) write(`(${outcome.failure.hint})`);
  }
  if (options.quiet) return;
  if (outcome.files.length > 0) printSummary(outcome, write);
  else if (outcome.exitCode !== 0) write(`nothing written: ${outcome.outDir}/ is unchanged`);
}
