import type { Diagnostic } from '../diagnostics.js';
import type { ProjectOptions } from './project-options.js';
import { readProject } from './read-ladder.js';

export interface CheckOptions extends ProjectOptions {
  /** Warnings fail the check too. */
  readonly strict?: boolean;
}

export interface CheckResult {
  /** No error (and, with `strict`, no warning). */
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks the content like `ladderpress check --json`: every problem in one run, nothing written or printed.
 * @example
 * import { check } from 'ladderpress';
 * const { ok, diagnostics } = await check({ content: 'content', strict: true });
 * for (const d of diagnostics) console.log(`${d.file}:${d.line}:${d.column}  ${d.message}`);
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const { settings, ladder, diagnostics: found } = await readProject(options);
  // As the command does: two files whose outputs would take one name are a content error.
  if (settings && ladder) {
    const [{ checkOutputNames }, { formatsNamed }] = await Promise.all([import('../check-output-names.js'), import('../formats.js')]);
    checkOutputNames(ladder, formatsNamed(settings.config.formats), settings.contentDir, found);
  }
  const diagnostics = found.all;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return { ok: errors === 0 && !(options.strict && warnings > 0), errors, warnings, diagnostics };
}
