import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { PROJECT_ROOT } from '../project-root.js';
import { defaultCacheDir } from '../write/default-cache-dir.js';
import type { ResolvedConfig } from './config-types.js';
import { loadConfig } from './load-config.js';
import { resolveFromConfig } from './resolve-from-config.js';
import { templatesDir } from './templates-dir.js';

/** What the command line says about where things are; null: the config's, else the default. */
export interface SettingsRequest {
  readonly contentDir: string | null;
  readonly outDir: string | null;
  readonly configFile: string | null;
  /** null: node_modules/.cache/ladderpress, or .ladderpress-cache beside the output. */
  readonly cacheDir?: string | null;
}

/** The config and every folder a command works with, worked out once and handed down. */
export interface Settings {
  readonly config: ResolvedConfig;
  /** The config file read, or null when the defaults serve. */
  readonly configFile: string | null;
  readonly contentDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  /** The site and print templates every build renders with: the project's templates/, else the package's. */
  readonly templatesDir: string;
  /** The config's reference .docx as an absolute path, or null. */
  readonly referenceDocx: string | null;
  /** Folders a build must never replace with its output: the content, the config's, the project. */
  readonly protectedDirs: readonly [string, ...string[]];
}

/** Loads the config (problems go to `diagnostics`, then null) and resolves every folder against it. */
export async function resolveSettings(request: SettingsRequest, diagnostics: Diagnostics): Promise<Settings | null> {
  const loaded = await loadConfig(process.cwd(), request.configFile, diagnostics);
  if (!loaded) return null;
  const { config, file } = loaded;
  const contentDir = request.contentDir ?? resolveFromConfig(file, config.content);
  const outDir = request.outDir ?? resolveFromConfig(file, config.out);
  return {
    config,
    configFile: file,
    contentDir,
    outDir,
    cacheDir: request.cacheDir ?? defaultCacheDir(outDir),
    templatesDir: await templatesDir(file),
    referenceDocx: config.referenceDocx === null ? null : path.resolve(resolveFromConfig(file, config.referenceDocx)),
    protectedDirs: [contentDir, ...(file ? [path.dirname(file)] : []), PROJECT_ROOT],
  };
}
