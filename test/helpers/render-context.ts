import { formatsNamed, type FormatName as Format } from '../../src/formats.js';
import path from 'node:path';
import { Diagnostics } from '../../src/diagnostics.js';
import { markdownBlocks } from '../../src/read/parse-markdown.js';
import type { RenderContext } from '../../src/render/render-context.js';
import { PROJECT_ROOT } from './shared-fixtures.js';

/** A render context as the build makes one, for calling a renderer directly. */
export function renderContext(formats: readonly Format[], overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    formats: formatsNamed(formats),
    config: {},
    partKeys: null,
    templatesDir: path.join(PROJECT_ROOT, 'templates'),
    contentDir: path.join(PROJECT_ROOT, 'content'),
    concurrency: 1,
    referenceDocx: null,
    browserExecutable: null,
    documentTimeoutMs: 60_000,
    toolVersion: '0.0.0-test',
    liveReload: null,
    signal: new AbortController().signal,
    readMarkdown: markdownBlocks,
    diagnostics: new Diagnostics(),
    ...overrides,
  };
}
