import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/config-schema.js';
import { siteFromConfig } from '../config/site-from-config.js';
import { Diagnostics } from '../diagnostics.js';
import type { Ladder } from '../model/types.js';
import { readLadder, type SourceFile } from '../read/read-ladder.js';

export interface LoadedLadder {
  readonly diagnostics: Diagnostics;
  readonly config: ResolvedConfig | null;
  readonly ladder: Ladder | null;
  readonly sources: readonly SourceFile[];
  /** True when the config, not the content, is what failed. */
  readonly configFailed: boolean;
}

/** Config + content → model, collecting every problem. Shared by check, model and build. */
export async function loadLadder(contentDir: string, configFile: string | null): Promise<LoadedLadder> {
  const diagnostics = new Diagnostics();
  const loaded = await loadConfig(process.cwd(), configFile, diagnostics);
  if (!loaded) return { diagnostics, config: null, ladder: null, sources: [], configFailed: true };
  const { config } = loaded;
  const exists = await import('node:fs/promises').then((fs) => fs.stat(contentDir).then((s) => s.isDirectory(), () => false));
  if (!exists) {
    diagnostics.report('content-missing', path.relative(process.cwd(), contentDir) || contentDir, null, 'Content folder not found');
    return { diagnostics, config, ladder: null, sources: [], configFailed: false };
  }
  const { ladder, sources } = await readLadder(
    contentDir,
    {
      site: siteFromConfig(config),
      articleLevels: config.articleLevels,
      limits: { maxFileBytes: config.limits.maxFileBytes, maxNesting: config.limits.maxNesting, maxTableCells: config.limits.maxTableCells },
    },
    diagnostics,
  );
  return { diagnostics, config, ladder, sources, configFailed: false };
}
