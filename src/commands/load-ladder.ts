import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { resolveFromConfig } from '../config/resolve-from-config.js';
import { siteFromConfig } from '../config/site-from-config.js';
import { contentDate } from '../read/content-date.js';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { Ladder } from '../model/types.js';
import { discoverFiles } from '../read/discover-files.js';
import { readLadder, type ReadOptions, type SourceFile } from '../read/read-ladder.js';
import { listTree } from '../write/list-tree.js';
import { cachedRead } from '../write/model-cache.js';
import { parseCache } from '../write/parse-cache.js';

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
  /** The model came from the read cache: no file was parsed. */
  readonly fromCache: boolean;
  /** model.json's bytes as the model cache keeps them (null without the cache): serialised once per build. */
  readonly modelJson: (() => Promise<Uint8Array>) | null;
}

/** Where and under which salt a build keeps the models it read (see write/model-cache.ts). */
export type ReadCache = (config: ResolvedConfig, configFile: string | null) => Promise<{ readonly dir: string; readonly salt: string } | null>;

/**
 * Config + content → model, collecting every problem. Shared by check, model, build and dev.
 * This is the read+parse stage: a worker-thread reader can replace `readLadder` here alone.
 * With `readCache` (build, dev), content read before is taken from the cache instead of parsed.
 */
export async function loadLadder(contentDir: string | null, configFile: string | null, readCache?: ReadCache): Promise<LoadedLadder> {
  const diagnostics = new Diagnostics();
  const loaded = await loadConfig(process.cwd(), configFile, diagnostics);
  if (!loaded) return { diagnostics, config: null, configFile, contentDir: contentDir ?? 'content', ladder: null, sources: [], configFailed: true, fromCache: false, modelJson: null };
  const { config, file } = loaded;
  const dir = contentDir ?? resolveFromConfig(file, config.content);
  const base = { diagnostics, config, configFile: file, contentDir: dir, configFailed: false, fromCache: false, modelJson: null };
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    diagnostics.report('content-missing', path.relative(process.cwd(), dir) || dir, null, 'Content folder not found');
    return { ...base, ladder: null, sources: [] };
  }
  const site = siteFromConfig(config, process.env, config.date || process.env['SOURCE_DATE_EPOCH'] ? null : await contentDate(dir));
  const cache = readCache ? await readCache(config, file) : null;
  const read = async (more: Pick<ReadOptions, 'parseCache' | 'sources'> = {}): Promise<{ ladder: Ladder | null; diagnostics: readonly Diagnostic[]; sources: readonly SourceFile[] }> => {
    const own = new Diagnostics();
    const limits = { maxFileBytes: config.limits.maxFileBytes, maxNesting: config.limits.maxNesting, maxTableCells: config.limits.maxTableCells };
    const result = await readLadder(dir, { site, articleLevels: config.articleLevels, limits, timeoutMs: config.limits.documentTimeoutMs, ...more }, own);
    return { ladder: result.ladder, diagnostics: own.all, sources: result.sources };
  };
  let ladder: Ladder | null;
  let found: readonly Diagnostic[];
  let sources: readonly SourceFile[];
  let fromCache = false;
  let modelJson: LoadedLadder['modelJson'] = null;
  if (cache) {
    const { dir: cacheDir, salt } = cache;
    const files = await readSources(dir);
    sources = files;
    // Positions are printed relative to the working folder, so it is part of the key too; so is
    // every file name in the folder, because links to images resolve by whether the file exists.
    const names = await listTree(dir);
    const key = JSON.stringify({ salt, site, articleLevels: config.articleLevels, limits: config.limits, shown: path.relative(process.cwd(), dir), names });
    ({ ladder, diagnostics: found, hit: fromCache, modelJson } = await cachedRead(cacheDir, sources, key, () => read({ sources: files, parseCache: parseCache(cacheDir, salt) })));
  } else {
    ({ ladder, diagnostics: found, sources } = await read());
  }
  for (const d of found) diagnostics.report(d.code, d.file, { line: d.line, column: d.column }, d.message, d.hint ?? undefined);
  return { ...base, ladder, sources, fromCache, modelJson };
}

/** Every file the reader would read, with its bytes: what a cached model depends on. */
async function readSources(contentDir: string): Promise<SourceFile[]> {
  const files = await discoverFiles(contentDir);
  const names = [...files.levels, ...files.articles, ...(files.overview ? [files.overview] : [])];
  return Promise.all(names.map(async (file) => ({ file, bytes: new Uint8Array(await readFile(path.join(contentDir, file))) })));
}
