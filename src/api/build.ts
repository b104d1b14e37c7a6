import type { Diagnostic } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import type { Failure } from '../failures.js';
import type { FormatName } from '../format-names.js';
import type { PublishedFile } from '../write/published-file.js';
import type { ProjectOptions } from './project-options.js';

export interface BuildOptions extends ProjectOptions {
  /** The output folder; default: the config's `out` ("out"). */
  readonly out?: string;
  /** Formats to build; default: the config's `formats`. */
  readonly formats?: readonly FormatName[];
  /** Warnings fail the build too. */
  readonly strict?: boolean;
  /** Read the output back and check it before publishing. */
  readonly verify?: boolean;
  /** Empty the render cache first. */
  readonly clean?: boolean;
  /** Aborting stops the build; the output folder is then left as it was. */
  readonly signal?: AbortSignal;
}

export interface BuildResult {
  /** Everything asked for was built and published. */
  readonly ok: boolean;
  /** What the CLI would exit with (0 ok, 1 content problems, 2 usage, …; see the README). */
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];
  /** What stopped the build or left a format out (no browser for PDFs, a refused output folder), or null. */
  readonly failure: Failure | null;
  /** The output folder, absolute or as given. */
  readonly outDir: string;
  /** Every file of the output folder, paths relative to it. */
  readonly files: readonly PublishedFile[];
}

/**
 * Builds the ladder like `ladderpress build`: content → the output folder, nothing printed. Content
 * problems come back as diagnostics, never as a thrown error.
 * @example
 * import { build } from 'ladderpress';
 * const result = await build({ content: 'content', out: 'out', formats: ['html', 'docx'] });
 * if (!result.ok) console.error(result.diagnostics, result.failure);
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  // Loaded on call: a config importing defineConfig from this entry must not load the whole pipeline.
  const { build: runBuild } = await import('../build.js');
  const outcome = await runBuild({
    contentDir: options.content ?? null,
    outDir: options.out ?? null,
    configFile: options.config ?? null,
    formats: options.formats ?? null,
    strict: options.strict ?? false,
    concurrency: null,
    clean: options.clean ?? false,
    verify: options.verify ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    ok: outcome.exitCode === EXIT.ok,
    exitCode: outcome.exitCode,
    diagnostics: outcome.diagnostics.all,
    failure: outcome.failure,
    outDir: outcome.outDir,
    files: outcome.files,
  };
}
