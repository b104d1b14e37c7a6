import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { MODEL_VERSION, type Article, type Ladder, type Level, type LevelRef, type Overview, type Site } from '../model/types.js';
import { DEFAULT_LIMITS, type InputLimits } from './input-limits.js';
import { discoverFiles } from './discover-files.js';
import { assignHeadingIds } from './heading-ids.js';
import { completeSite, type SiteSettings } from './complete-site.js';
import { plainText } from './inline.js';
import { readLevelFacets } from './level-facets.js';
import { resolveLinks, type LinkIndex } from './links.js';
import type { MarkdownDocument } from './markdown-document.js';
import type { ArticleDraft } from './read-article.js';
import type { ParseOutcome, ParseTask } from './parse-document.js';
import { parseAll } from './parse-pool.js';
import { relatedLevelDetector } from './related-levels.js';
import { sectionTree } from './sections.js';
import { RESERVED_SLUGS, slugFromFileName } from './slugs.js';
import { isKnownIcon } from './octicon-names.js';
import { reportMissingFacets } from './missing-facets.js';
import type { LevelFrontMatter } from './front-matter-schema.js';

export interface ReadOptions {
  /** The config's site settings; title, tagline and author it leaves out come from the overview. */
  readonly site: SiteSettings;
  /** Article slug → level slugs, overriding detection (config `articleLevels`). */
  readonly articleLevels?: Readonly<Record<string, readonly string[]>>;
  readonly limits?: InputLimits;
  /** Threads for parsing; default: every core. */
  readonly threads?: number;
  /** Longest one document may take to parse (config limits.documentTimeoutMs). */
  readonly timeoutMs?: number;
  readonly parseCache?: ParseCache;
  /** Files already read (the model cache's key needs their bytes): not read again. */
  readonly sources?: readonly SourceFile[];
}

/**
 * Outcomes of files read before, by task (write/parse-cache.ts): a file whose bytes did not change
 * is not parsed again. The outcomes are JSON text, the form a fresh parse gives too.
 */
export interface ParseCache {
  /** The file a task's outcome is kept in (see ParseTask.keepAt). */
  entry(task: Omit<ParseTask, 'keepAt'>): string;
  get(tasks: readonly ParseTask[]): Promise<(string | null)[]>;
  /** Called once fresh outcomes were kept: bounds the cache's size. */
  prune(): Promise<void>;
}

/** One file the ladder was read from, for cache keys and watch lists. */
export interface SourceFile {
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface ReadResult {
  /** null when an error makes the ladder unusable; diagnostics say why. */
  readonly ladder: Ladder | null;
  readonly sources: readonly SourceFile[];
}

/**
 * content/ → model. Reads every file, reports every problem to `diagnostics` (positions relative to
 * the working directory), and returns the ladder when there is no error.
 */
export async function readLadder(contentDir: string, options: ReadOptions, diagnostics: Diagnostics): Promise<ReadResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const shown = (file: string): string => path.relative(process.cwd(), path.join(contentDir, file)) || file;
  const files = await discoverFiles(contentDir);
  if (files.levels.length === 0) {
    diagnostics.report('no-levels', shown('levels'), null, `No role documents found in ${shown('levels')}/`);
    return { ladder: null, sources: [] };
  }
  const known = new Map((options.sources ?? []).map((source) => [source.file, source.bytes]));
  const load = async (file: string): Promise<SourceFile> => ({ file, bytes: known.get(file) ?? new Uint8Array(await readFile(path.join(contentDir, file))) });
  const slugOwners = new Map<string, string>();
  const claimSlug = (file: string, kind: string): string => {
    const slug = slugFromFileName(path.posix.basename(file));
    const owner = slugOwners.get(`${kind}:${slug}`);
    if (owner) diagnostics.report('duplicate-slug', shown(file), null, `"${slug}" is also the slug of ${shown(owner)}`);
    else slugOwners.set(`${kind}:${slug}`, file);
    if (RESERVED_SLUGS.has(slug)) diagnostics.report('reserved-slug', shown(file), null, `"${slug}" is reserved for a generated page`);
    return slug;
  };
  const planned = [
    ...files.levels.map((file) => ({ kind: 'level' as const, file, slug: claimSlug(file, 'level') })),
    ...files.articles.map((file) => ({ kind: 'article' as const, file, slug: claimSlug(file, 'article') })),
    ...(files.overview ? [{ kind: 'overview' as const, file: files.overview, slug: 'index' }] : []),
  ];
  const sources = await Promise.all(planned.map(({ file }) => load(file)));
  const tasks: ParseTask[] = planned.map(({ kind, file, slug }, position) => {
    const task = { kind, file, shownFile: shown(file), slug, bytes: (sources[position] as SourceFile).bytes, limits };
    return { ...task, keepAt: options.parseCache?.entry(task) ?? null };
  });

  const levelDocs: { file: string; slug: string; doc: MarkdownDocument<LevelFrontMatter> }[] = [];
  const articleDrafts: ArticleDraft[] = [];
  let overviewDoc: MarkdownDocument<LevelFrontMatter> | null = null;
  const outcomes = await parseCached(tasks, options);
  outcomes.forEach((json, position) => {
    const task = tasks[position] as ParseTask;
    const outcome = JSON.parse(json) as ParseOutcome;
    for (const diagnostic of outcome.diagnostics) diagnostics.add(diagnostic);
    if (outcome.kind === 'article') {
      if (outcome.draft) articleDrafts.push(outcome.draft);
    } else if (outcome.doc && outcome.kind === 'overview') {
      overviewDoc = outcome.doc;
    } else if (outcome.doc) {
      levelDocs.push({ file: task.file, slug: task.slug, doc: outcome.doc });
    }
  });
  outcomes.length = 0;

  const index: LinkIndex = {
    levels: new Set(levelDocs.map((level) => level.slug)),
    articles: new Set(articleDrafts.map((article) => article.slug)),
    hasOverview: overviewDoc !== null,
  };
  const resolveLevel = levelResolver(levelDocs.map(({ slug, doc }) => ({ slug, names: levelNames(slug, doc) })));

  const levels: Level[] = levelDocs
    .map(({ file, slug, doc }): Level => {
      const { frontMatter: fm } = doc;
      if (fm.icon !== undefined && !isKnownIcon(fm.icon)) {
        diagnostics.report('unknown-icon', shown(file), doc.frontMatterKeys['icon'] ?? null, `Unknown icon "${fm.icon}"; no icon is shown`);
      }
      const headings = assignHeadingIds(doc.body);
      resolveLinks(doc.body, shown(file), index, diagnostics, { contentDir, file });
      const facets = readLevelFacets(sectionTree(doc.body.children), resolveLevel);
      reportMissingFacets(facets, shown(file), doc.title.position?.start ?? null, diagnostics);
      const title = fm.title ?? plainText(doc.title);
      return {
        kind: 'level', slug, file, title, titleInline: doc.title.children, frontMatter: fm, body: doc.body, headings,
        label: fm.label ?? title,
        order: fm.order ?? null,
        icon: fm.icon !== undefined && isKnownIcon(fm.icon) ? fm.icon : null,
        expanded: fm.expanded ?? false,
        breadcrumb: fm.breadcrumb ?? false,
        facets,
        articles: [],
      };
    })
    .sort(ladderOrder);

  const detectRelated = relatedLevelDetector(levels.map((level) => ({ slug: level.slug, names: levelNames(level.slug, { frontMatter: level.frontMatter, title: level.title }) })));
  const articles: Article[] = articleDrafts.map(({ requestedLevels, ...draft }) => {
    const configured = options.articleLevels?.[draft.slug];
    const requested = requestedLevels ?? configured ?? null;
    for (const slug of requested ?? []) {
      if (!index.levels.has(slug)) diagnostics.report('unknown-level', shown(draft.file), null, `Article names level "${slug}", which is not in the ladder`);
    }
    const detected = detectRelated(`${draft.title}\n${plainText(draft.body)}`);
    const related = requested ? levels.map((level) => level.slug).filter((slug) => requested.includes(slug)) : detected;
    const headings = assignHeadingIds(draft.body);
    resolveLinks(draft.body, shown(draft.file), index, diagnostics, { contentDir, file: draft.file });
    return { ...draft, headings, levels: related, levelsSource: requestedLevels ? 'front-matter' : configured ? 'config' : 'detected' };
  });

  const linkedLevels: Level[] = levels.map((level) => ({ ...level, articles: articles.filter((article) => article.levels.includes(level.slug)).map((article) => article.slug) }));
  let overview: Overview | null = null;
  const overviewRead = overviewDoc as MarkdownDocument<LevelFrontMatter> | null;
  if (overviewRead && files.overview) {
    const headings = assignHeadingIds(overviewRead.body);
    resolveLinks(overviewRead.body, shown(files.overview), index, diagnostics, { contentDir, file: files.overview });
    const title = overviewRead.frontMatter.title ?? plainText(overviewRead.title);
    overview = { kind: 'overview', slug: 'index', file: files.overview, title, titleInline: overviewRead.title.children, frontMatter: overviewRead.frontMatter, body: overviewRead.body, headings };
  }
  if (diagnostics.errorCount > 0) return { ladder: null, sources };
  return { ladder: { version: MODEL_VERSION, site: completeSite(options.site, overview), levels: linkedLevels, articles, overview }, sources };
}

/** Every task's outcome (JSON), parsing only those the cache does not have. */
async function parseCached(tasks: readonly ParseTask[], options: ReadOptions): Promise<string[]> {
  const cached = options.parseCache ? await options.parseCache.get(tasks) : tasks.map(() => null);
  const misses = tasks.filter((_, position) => cached[position] === null);
  const parsed = await parseAll(misses, { ...(options.threads ? { threads: options.threads } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  if (misses.length > 0) await options.parseCache?.prune();
  let next = 0;
  return cached.map((json) => json ?? (parsed[next++] as string));
}

/** Retype order: higher `order` first; documents without one after, then by title. */
function ladderOrder(a: Level, b: Level): number {
  const orderA = a.order ?? Number.NEGATIVE_INFINITY;
  const orderB = b.order ?? Number.NEGATIVE_INFINITY;
  if (orderA !== orderB) return orderB - orderA;
  return a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug, 'en');
}

function levelNames(slug: string, doc: { frontMatter: LevelFrontMatter; title: unknown }): string[] {
  const title = typeof doc.title === 'string' ? doc.title : plainText(doc.title as never);
  return [title, doc.frontMatter.label ?? '', doc.frontMatter.title ?? '', slug.replace(/-/g, ' ')].filter(Boolean);
}

function levelResolver(levels: readonly { slug: string; names: readonly string[] }[]): (name: string) => LevelRef {
  const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const byName = new Map<string, string>();
  for (const level of levels) for (const name of level.names) if (!byName.has(normalise(name))) byName.set(normalise(name), level.slug);
  return (name) => ({ name: name.trim(), slug: byName.get(normalise(name)) ?? null });
}
