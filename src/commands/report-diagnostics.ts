import { formatDiagnostic, formatSummary, type Diagnostics } from '../diagnostics.js';

/** Prints problems for people (stderr) or, with --json, for machines (stdout). */
export function reportDiagnostics(diagnostics: Diagnostics, json: boolean): void {
  if (json) return;
  for (const diagnostic of diagnostics.all) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (diagnostics.all.length > 0) process.stderr.write(`${formatSummary(diagnostics.errorCount, diagnostics.warningCount)}\n`);
}

/** Whether the run fails: any error, or any warning under --strict. */
export function failed(diagnostics: Diagnostics, strict: boolean): boolean {
  return diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0);
}
