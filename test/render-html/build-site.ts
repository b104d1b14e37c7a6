import type { FormatName as Format } from '../../src/formats.js';
import path from 'node:path';
import { build } from '../../src/build.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

/** Builds a content folder into `outDir` with the given formats, failing the test on any error. */
export async function buildSite(contentDir: string, outDir: string, formats: readonly Format[] = ['html']): Promise<void> {
  const result = await build({ contentDir, outDir, configFile: null, formats, strict: false, concurrency: 1 });
  const errors = result.diagnostics.all.filter((d) => d.severity === 'error');
  if (result.exitCode !== 0) throw new Error(`build failed (${result.exitCode}): ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
}

export const EXAMPLE_CONTENT = path.join(PROJECT_ROOT, 'content');
