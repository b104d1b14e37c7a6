import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { renderSite } from '../../src/render/html/render-site.js';
import type { Format, OutputFile, RenderContext } from '../../src/render/render-context.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

/** A render context as the build makes one, for calling renderSite directly. */
export function testContext(formats: readonly Format[] = ['html'], overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    formats: new Set(formats),
    templatesDir: path.join(PROJECT_ROOT, 'templates'),
    contentDir: path.join(PROJECT_ROOT, 'content'),
    concurrency: 1,
    referenceDocx: null,
    browserExecutable: null,
    documentTimeoutMs: 60_000,
    toolVersion: '0.0.0-test',
    liveReload: null,
    signal: new AbortController().signal,
    diagnostics: new Diagnostics(),
    ...overrides,
  };
}

/** renderSite's files by path. */
export async function renderFiles(ladder: Ladder, context: RenderContext = testContext()): Promise<Map<string, string>> {
  const files = await renderSite(ladder, context);
  return new Map(files.map((file: OutputFile) => [file.path, typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8')]));
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `ladderpress-${prefix}-`));
}
