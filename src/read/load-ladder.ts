import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../config/resolve-settings.js';
import { siteFromConfig } from '../config/site-from-config.js';
import { contentDates, type ContentDates } from '../read/content-date.js';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import { readInside } from '../inside-folder.js';
import type { Ladder } from '../model/types.js';
import { discoverFiles } from './discover-files.js';
import type { ReadOptions, SourceFile } from './read-ladder.js';
import { listTree } from '../write/list-tree.js';
import { cachedRead, type ModelCacheResult } from '../write/model-cache.js';
import { parseCache } from '../write/parse-cache.js';

export interface LoadedLadder {
  readonly ladder: Ladder | null;
  readonly sources: readonly SourceFile[];
  /** The model came from the read cache: no file was parsed. */
  readonly fromCache: boolean;
  /** The render keys of the parts, when the model cache worked them out (null: the renderers do). */
  readonly partKeys: ModelCacheResult['partKeys'];
  /** model.json's bytes as the model cache keeps them (null without the cache): serialised once per build. */
  readonly modelJson: (() => Promise<Uint8Array>) | null;
}

/** Where and under which salt a build keeps the models it read (see write/model-cache.ts). */
export interface ReadCache {
  readonly dir: string;
  readonly salt: string;
  /** Take nothing from the cache (--clean: a cold build); what is read is still stored. */
  readonly reuse: boolean;
}

/**
 * Content → model under the settings, every problem into `diagnostics`. Shared by check, model, build and dev.
 * This is the read+parse stage: a worker-thread reader can replace `readLadder` here alone.
 * With `cache` (build, dev), content read before is taken from the cache instead of parsed.
 */
export async function loadLadder(settings: Settings, diagnostics: Diagnostics, cache: ReadCache | null = null, knownDates?: ContentDates | null): Promise<LoadedLadder> {
  const { config, contentDir: dir } = settings;
  const base = { fromCache: false, modelJson: null, partKeys: null };
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    diagnostics.report('content-missing', path.relative(process.cwd(), dir) || dir, null, 'Content folder not found');
    return { ...base, ladder: null, sources: [] };
  }
  // A build has them already, from its up-to-date check (the same git call, made once).
  const content = knownDates !== undefined ? knownDates : await datesFromContent(settings);
  const site = siteFromConfig(config, process.env, content?.newest ?? null);
  const dates = content?.files;
  const read = async (more: Pick<ReadOptions, 'parseCache' | 'sources'> = {}): Promise<{ ladder: Ladder | null; diagnostics: readonly Diagnostic[]; sources: readonly SourceFile[] }> => {
    // Loaded when content is parsed: a model from the read cache (check or build after a build) needs no parser.
    const { readLadder } = await import('./read-ladder.js');
    const own = new Diagnostics();
    const limits = { maxFileBytes: config.limits.maxFileBytes, maxNesting: config.limits.maxNesting, maxTableCells: config.limits.maxTableCells, maxLabelLength: config.limits.maxLabelLength, maxTitleLength: config.limits.maxTitleLength };
    const result = await readLadder(dir, { site, articleLevels: config.articleLevels, competencies: config.competencies, limits, timeoutMs: config.limits.documentTimeoutMs, ...(dates ? { fileDates: dates } : {}), ...more }, own);
    return { ladder: result.ladder, diagnostics: own.all, sources: result.sources };
  };
  let ladder: Ladder | null;
  let found: readonly Diagnostic[];
  let sources: readonly SourceFile[];
  let fromCache = false;
  let modelJson: LoadedLadder['modelJson'] = null;
  let partKeys: ModelCacheResult['partKeys'] = null;
  if (cache) {
    const { dir: cacheDir, salt, reuse } = cache;
    const files = await readSources(dir);
    sources = files;
    // Positions are printed relative to the working folder, so it is part of the key too; so is
    // every file name in the folder, because links to images resolve by whether the file exists.
    const names = await listTree(dir);
    const key = JSON.stringify({ salt, site, dates: dates ?? null, articleLevels: config.articleLevels, competencies: config.competencies, limits: config.limits, shown: path.relative(process.cwd(), dir), names });
    ({ ladder, diagnostics: found, hit: fromCache, modelJson, partKeys } = await cachedRead(cacheDir, sources, key, reuse, () => read({ sources: files, parseCache: parseCache(cacheDir, salt, reuse) })));
  } else {
    ({ ladder, diagnostics: found, sources } = await read());
  }
  for (const d of found) diagnostics.report(d.code, d.file, { line: d.line, column: d.column }, d.message, d.hint ?? undefined);
  return { ...base, ladder, sources, fromCache, modelJson, partKeys };
}

/**
 * The site's date and each level's own, from the content (git, else the files' times), when neither
 * the config's date nor SOURCE_DATE_EPOCH sets them (then every level has the site's date): null.
 */
export async function datesFromContent({ config, contentDir }: Pick<Settings, 'config' | 'contentDir'>): Promise<ContentDates | null> {
  if (config.date || process.env['SOURCE_DATE_EPOCH']) return null;
  return contentDates(contentDir, (await discoverFiles(contentDir)).levels);
}

/** Every file the reader would read, with its bytes: what a cached model depends on. */
async function readSources(contentDir: string): Promise<SourceFile[]> {
  const files = await discoverFiles(contentDir);
  const names = [...files.levels, ...files.articles, ...(files.overview ? [files.overview] : [])];
  // A file that cannot be read is left out here: the reader reports it with its path and cause.
  const read = await Promise.all(names.map(async (file): Promise<SourceFile | null> => readInside(contentDir, path.join(contentDir, file)).then((bytes) => ({ file, bytes: new Uint8Array(bytes) }), () => null)));
  return read.filter((source): source is SourceFile => source !== null);
}
