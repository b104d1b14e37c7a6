import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { siteFromConfig } from '../config/site-from-config.js';
import { Diagnostics } from '../diagnostics.js';
import type { Ladder } from '../model/types.js';
import { readLadder, type SourceFile } from '../read/read-ladder.js';

export interface LoadedLadder {
  readonly diagnostics: Diagnostics;
  readonly config: ResolvedConfig | null;
  /** The config file read, or null when the defaults serve. */
  readonly configFile: string | null;
  /** The content folder read: the one given, else the config's `content`. */
  readonly contentDir: string;
  readonly ladder: Ladder | null;
  readonly sources: readonly SourceFile[];
  /** True when the config, not the content, is what failed. */
  readonly configFailed: boolean;
}

/**
 * Config + content → model, collecting every problem. Shared by check, model, build and dev.
 * This is the read+parse stage: a worker-thread reader can replace `readLadder` here alone.
 */
export async function loadLadder(contentDir: string | null, configFile: string | null): Promise<LoadedLadder> {
  const diagnostics = new Diagnostics();
  const loaded = await loadConfig(process.cwd(), configFile, diagnostics);
  if (!loaded) return { diagnostics, config: null, configFile, contentDir: contentDir ?? 'content', ladder: null, sources: [], configFailed: true };
  const { config, file } = loaded;
  const dir = contentDir ?? resolveFromConfig(file, config.content);
  const base = { diagnostics, config, configFile: file, contentDir: dir, configFailed: false };
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    diagnostics.report('content-missing', path.relative(process.cwd(), dir) || dir, null, 'Content folder not found');
    return { ...base, ladder: null, sources: [] };
  }
  const { ladder, sources } = await readLadder(
    dir,
    {
      site: siteFromConfig(config),
      articleLevels: config.articleLevels,
      limits: { maxFileBytes: config.limits.maxFileBytes, maxNesting: config.limits.maxNesting, maxTableCells: config.limits.maxTableCells },
    },
    diagnostics,
  );
  return { ...base, ladder, sources };
}

/** Paths in a config file are relative to the folder it sits in; without one, to the working directory. */
export function resolveFromConfig(configFile: string | null, value: string): string {
  if (path.isAbsolute(value) || configFile === null) return value;
  return path.relative(process.cwd(), path.resolve(path.dirname(configFile), value)) || '.';
}
