import type { FormatName as Format } from '../../src/formats.js';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderContext } from '../helpers/render-context.js';
import type { Ladder } from '../../src/model/types.js';
import { renderSite } from '../../src/render/html/render-site.js';
import type { OutputFile, RenderContext } from '../../src/render/render-context.js';

/** A render context as the build makes one, for calling renderSite directly. */
export function testContext(formats: readonly Format[] = ['html'], overrides: Partial<RenderContext> = {}): RenderContext {
  return renderContext(formats, overrides);
}

/** renderSite's files, in the order it hands them over. */
export async function siteFiles(ladder: Ladder, context: RenderContext = testContext()): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  await renderSite(ladder, context, async (file) => void files.push(file));
  return files;
}

/** renderSite's files by path. */
export async function renderFiles(ladder: Ladder, context: RenderContext = testContext()): Promise<Map<string, string>> {
  const files = await siteFiles(ladder, context);
  return new Map(files.map((file: OutputFile) => [file.path, typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8')]));
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `ladderpress-${prefix}-`));
}
