import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLadder } from './commands/load-ladder.js';
import type { Diagnostics } from './diagnostics.js';
import { EXIT } from './exit-codes.js';
import { serializeModel } from './model/serialize-model.js';
import { planDocx } from './render/docx/plan-docx.js';
import { renderSite } from './render/html/render-site.js';
import { planPdfs } from './render/pdf/plan-pdfs.js';
import { printPdfs } from './render/pdf/print-pdfs.js';
import type { Format, OutputFile, RenderContext } from './render/render-context.js';
import { TOOL_VERSION } from './tool-version.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  readonly contentDir: string;
  readonly outDir: string;
  readonly configFile: string | null;
  /** null: the config's formats. */
  readonly formats: readonly Format[] | null;
  readonly strict: boolean;
  readonly concurrency: number | null;
}

export interface BuildResult {
  readonly exitCode: number;
  readonly diagnostics: Diagnostics;
  readonly files: readonly OutputFile[];
}

/** The pipeline in one function: read → check → render → write. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { diagnostics, config, ladder, configFailed } = await loadLadder(options.contentDir, options.configFile);
  if (configFailed || !config) return { exitCode: EXIT.usage, diagnostics, files: [] };
  const failed = diagnostics.errorCount > 0 || (options.strict && diagnostics.warningCount > 0);
  if (!ladder || failed) return { exitCode: EXIT.content, diagnostics, files: [] };

  const formats = new Set<Format>(options.formats ?? config.formats);
  const context: RenderContext = {
    formats,
    templatesDir: path.join(PROJECT_ROOT, 'templates'),
    contentDir: options.contentDir,
    concurrency: options.concurrency ?? os.availableParallelism(),
    referenceDocx: config.referenceDocx,
    browserExecutable: config.browser.executablePath,
    documentTimeoutMs: config.limits.documentTimeoutMs,
    toolVersion: TOOL_VERSION,
    liveReload: null,
    signal: new AbortController().signal,
    diagnostics,
  };
  const files: OutputFile[] = [{ path: 'model.json', data: serializeModel(ladder) }];
  if (formats.has('html')) files.push(...(await renderSite(ladder, context)));
  if (formats.has('docx')) {
    for (const job of planDocx(ladder, context)) files.push({ path: job.path, data: await job.render() });
  }
  if (formats.has('pdf')) files.push(...(await printPdfs(await planPdfs(ladder, context), context, () => {})));
  await publish(files, options.outDir);
  return { exitCode: EXIT.ok, diagnostics, files };
}

/** Writes everything to a folder beside the output and swaps it in, so `out/` is never half-written. */
async function publish(files: readonly OutputFile[], outDir: string): Promise<void> {
  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(staging, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.data);
  }
  const previous = `${outDir}.old-${process.pid}`;
  await rename(outDir, previous).catch(() => undefined);
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
}
