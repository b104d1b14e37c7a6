import type { Format } from '../render/render-context.js';
import { build } from '../build.js';
import { EXIT } from '../exit-codes.js';
import { reportDiagnostics } from './report-diagnostics.js';

export interface BuildCommandOptions {
  readonly out: string;
  readonly config: string | null;
  readonly strict: boolean;
  readonly json: boolean;
  readonly only: readonly string[] | null;
}

const FORMATS: readonly Format[] = ['html', 'pdf', 'docx'];

/** `ladderpress build`: content → out/. */
export async function runBuild(dir: string, options: BuildCommandOptions): Promise<number> {
  const unknown = options.only?.filter((format) => !FORMATS.includes(format as Format)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`error: unknown format ${unknown.join(', ')} in --only (use ${FORMATS.join(',')})\n`);
    return EXIT.usage;
  }
  const result = await build({
    contentDir: dir,
    outDir: options.out,
    configFile: options.config,
    formats: options.only ? (options.only as Format[]) : null,
    strict: options.strict,
    concurrency: null,
  });
  reportDiagnostics(result.diagnostics, options.json);
  if (result.exitCode === EXIT.ok) process.stderr.write(`built ${options.out}/: ${result.files.length} files\n`);
  return result.exitCode;
}
