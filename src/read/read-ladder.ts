import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { readInside } from '../inside-folder.js';
import { levelDelta } from '../model/level-delta.js';
import { MODEL_VERSION, type Article, type Ladder, type Level, type LevelRef, type Overview, type Site } from '../model/types.js';
import { checkLength, DEFAULT_LIMITS, DEFAULT_TEXT_LIMITS, type InputLimits } from './input-limits.js';
import { reportDuplicateEntries } from './duplicate-entries.js';
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
import { fillFromLadder } from './fill-from-ladder.js';
import { alignCompetencies, type CompetencyOverrides } from './align-competencies.js';
import { readLadderDimensions } from './ladder-dimensions.js';
import { levelMatcher } from './level-matcher.js';
import type { LevelFrontMatter } from './front-matter-schema.js';
import { trackFromFrontMatter } from './level-track.js';

export interface ReadOptions {
  /** The config's site settings; title, tagline and author it leaves out come from the overview. */
  readonly site: SiteSettings;
  /** Article slug → level slugs, overriding detection (config `articleLevels`). */
  readonly articleLevels?: Readonly<Record<string, readonly string[]>>;
  /** Competency row name → category / group names (config `competencies`). */
  readonly competencies?: CompetencyOverrides;
  readonly limits?: InputLimits;
  /** Threads for parsing; default: every core. */
  readonly threads?: number;
  /** Longest one document may take to parse (config limits.documentTimeoutMs). */
  readonly timeoutMs?: number;
  readonly parseCache?: ParseCache;
  /** Files already read (the model cache's key needs their bytes): not read again. */
  readonly sources?: readonly SourceFile[];
  /** When each level file last changed (read/content-date.ts `fileDates`); a level missing here takes the site's date. */
  readonly fileDates?: Readonly<Record<string, string>>;
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
  for (const { file, reason } of files.skipped) diagnostics.report('skipped-file', shown(file), null, reason);
  for (const { file, reason } of files.unreadable) diagnostics.report('unreadable-file', shown(file), null, reason);
  if (files.levels.length === 0) {
    if (!files.unreadable.some(({ file }) => file === 'levels')) diagnostics.report('no-levels', shown('levels'), null, `No role documents found in ${shown('levels')}/`);
    return { ladder: null, sources: [] };
  }
  const known = new Map((options.sources ?? []).map((source) => [source.file, source.bytes]));
  const load = async (file: string): Promise<SourceFile | null> => {
    const bytes = known.get(file);
    if (bytes) return { file, bytes };
    try {
      return { file, bytes: new Uint8Array(await readInside(contentDir, path.join(contentDir, file))) };
    } catch (error) {
      diagnostics.report('unreadable-file', shown(file), null, `${shown(file)} cannot be read: ${readFailure(error)}`);
      return null;
    }
  };
  const slugOwners = new Map<string, string>();
  const claimSlug = (file: string, kind: string): string => {
    const slug = slugFromFileName(path.posix.basename(file));
    const owner = slugOwners.get(`${kind}:${slug}`);
    if (owner) diagnostics.report('duplicate-slug', shown(file), null, `"${slug}" is also the slug of ${shown(owner)}`);
    else slugOwners.set(`${kind}:${slug}`, file);
    if (RESERVED_SLUGS.has(slug)) diagnostics.report('reserved-slug', shown(file), null, `"${slug}" is reserved for a generated page`);
    return slug;
  };
  const listed = [
    ...files.levels.map((file) => ({ kind: 'level' as const, file, slug: claimSlug(file, 'level') })),
    ...files.articles.map((file) => ({ kind: 'article' as const, file, slug: claimSlug(file, 'article') })),
    ...(files.overview ? [{ kind: 'overview' as const, file: files.overview, slug: 'index' }] : []),
  ];
  const loaded = await Promise.all(listed.map(({ file }) => load(file)));
  const planned = listed.filter((_, position) => loaded[position] !== null);
  const sources = loaded.filter((source): source is SourceFile => source !== null);
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
  const mention = levelMatcher(levelDocs.map(({ slug, doc }) => ({ slug, names: levelNames(slug, doc) })));
  const resolveLevel = (name: string): LevelRef => {
    const found = mention(name);
    return { name: name.trim(), slug: found?.kind === 'level' ? found.slug : null };
  };

  const levels: Level[] = levelDocs
    .map(({ file, slug, doc }): Level => {
      const { frontMatter: fm } = doc;
      if (fm.icon !== undefined && !isKnownIcon(fm.icon)) {
        diagnostics.report('unknown-icon', shown(file), doc.frontMatterKeys['icon'] ?? null, `Unknown icon "${fm.icon}"; no icon is shown`);
      }
      const track = fm.track === undefined ? null : (trackFromFrontMatter(fm.track) ?? null);
      if (fm.track !== undefined && track === null) {
        diagnostics.report('unknown-track', shown(file), doc.frontMatterKeys['track'] ?? null, `Unknown track "${fm.track}"; the level is placed by its transitions`);
      }
      const headings = assignHeadingIds(doc.body);
      resolveLinks(doc.body, shown(file), index, diagnostics, { contentDir, file });
      const facets = readLevelFacets(sectionTree(doc.body.children), resolveLevel);
      const title = fm.title ?? plainText(doc.title);
      checkLength('title', title, limits.maxTitleLength ?? DEFAULT_TEXT_LIMITS.maxTitleLength, shown(file), doc.frontMatterKeys['title'] ?? doc.title.position?.start ?? null, diagnostics);
      if (fm.label !== undefined) checkLength('label', fm.label, limits.maxLabelLength ?? DEFAULT_TEXT_LIMITS.maxLabelLength, shown(file), doc.frontMatterKeys['label'] ?? null, diagnostics);
      return {
        kind: 'level', slug, file, title, titleInline: doc.title.children, frontMatter: fm, body: doc.body, headings,
        label: fm.label ?? title,
        order: fm.order ?? null,
        icon: fm.icon !== undefined && isKnownIcon(fm.icon) ? fm.icon : null,
        expanded: fm.expanded ?? false,
        breadcrumb: fm.breadcrumb ?? false,
        facets,
        articles: [],
        delta: null,
        track,
        updated: options.fileDates?.[file] ?? options.site.date,
      };
    })
    .sort(ladderOrder);
  const overviewRead = overviewDoc as MarkdownDocument<LevelFrontMatter> | null;
  const dimensions = readLadderDimensions(
    mention,
    [
      ...(overviewRead && files.overview ? [{ body: overviewRead.body, file: files.overview, shownFile: shown(files.overview) }] : []),
      ...levels.map((level) => ({ body: level.body, file: level.file, shownFile: shown(level.file) })),
    ],
    diagnostics,
  );
  const filled = levels.map((level) => {
    const facets = fillFromLadder(level.facets, level.slug, dimensions, (slug) => ({ name: levels.find((other) => other.slug === slug)?.label ?? slug, slug }));
    const titleAt = levelDocs.find((doc) => doc.slug === level.slug)?.doc.title.position?.start ?? null;
    reportMissingFacets(facets, shown(level.file), titleAt, diagnostics);
    return { ...level, facets };
  });

  reportDuplicateEntries(levels, [], shown, diagnostics);
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

  reportDuplicateEntries([], articles, shown, diagnostics);
  for (const article of articles) checkLength('title', article.title, limits.maxTitleLength ?? DEFAULT_TEXT_LIMITS.maxTitleLength, shown(article.file), null, diagnostics);
  const linkedLevels: Level[] = filled.map((level, position) => ({
    ...level,
    articles: articles.filter((article) => article.levels.includes(level.slug)).map((article) => article.slug),
    delta: position === 0 ? null : levelDelta(filled[position - 1] as Level, level),
  }));
  let overview: Overview | null = null;
  if (overviewRead && files.overview) {
    const headings = assignHeadingIds(overviewRead.body);
    resolveLinks(overviewRead.body, shown(files.overview), index, diagnostics, { contentDir, file: files.overview });
    const title = overviewRead.frontMatter.title ?? plainText(overviewRead.title);
    overview = { kind: 'overview', slug: 'index', file: files.overview, title, titleInline: overviewRead.title.children, frontMatter: overviewRead.frontMatter, body: overviewRead.body, headings };
  }
  if (diagnostics.errorCount > 0) return { ladder: null, sources };
  return { ladder: { version: MODEL_VERSION, site: completeSite(options.site, overview), levels: linkedLevels, articles, overview, dimensions, competencies: alignCompetencies(linkedLevels, dimensions, options.competencies ?? {}) }, sources };
}

/** Why a file could not be read, in words. */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'EOUTSIDE') return 'it is a link to a file outside the content folder, which is never read';
  if (code === 'ENOENT') return 'it disappeared while the build was reading the folder (ENOENT)';
  if (code === 'EISDIR' || code === 'ELOOP') return `it is not a regular file (${code})`;
  return error instanceof Error ? error.message : String(error);
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
