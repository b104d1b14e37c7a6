import { EnvironmentError, type Failure } from '../failures.js';
import { FORMAT_NAMES } from '../formats.js';
import type { Ladder } from '../model/types.js';
import type { Stage } from '../progress/build-stats.js';
import type { StageTracker } from '../progress/stage-tracker.js';
import type { DocumentFormat, EmitDocument, OutputFormat, SiteFormat } from '../render/output-format.js';
import type { RenderContext, RenderJob } from '../render/render-context.js';
import type { Stager } from '../write/publish-out.js';
import type { RenderCache } from '../write/render-cache.js';
import { renderCached } from '../write/render-cached.js';

export interface RenderInput {
  readonly ladder: Ladder;
  readonly context: RenderContext;
  /** Every format this build publishes, kept ones included (the site offers their downloads). */
  readonly formats: readonly OutputFormat[];
  /** The formats rendered now: all of `formats`, or only the site (dev's fast pass). */
  readonly render: readonly OutputFormat[];
  /** Render only these levels' documents (--level), or null for all. */
  readonly levels: ReadonlySet<string> | null;
  readonly cache: RenderCache;
  readonly stager: Stager;
  readonly stage: StageTracker;
}

export interface RenderOutcome {
  /** The formats published: `formats` less any left out for want of a browser. */
  readonly formats: readonly OutputFormat[];
  /** Why a format was left out (no browser found), else null. */
  readonly failure: Failure | null;
}

/** Every format's files into the staging folder, side by side, under the two rules below. */
export async function renderFormats(input: RenderInput): Promise<RenderOutcome> {
  const { context, stage } = input;
  for (const name of FORMAT_NAMES) if (!input.render.some((format) => format.name === name)) stage.skip(name);
  const sites = input.render.filter((format): format is SiteFormat => format.kind === 'site');
  const documents = input.render.filter((format): format is DocumentFormat => format.kind === 'documents');
  const printers = documents.filter((format) => format.needs === 'browser');
  const started = browserFirst(printers.length);
  const missing: { format: OutputFormat; failure: Failure }[] = [];
  const printed = printers.map((format) => {
    const handedOver = started.starter();
    return renderDocuments(format, input, handedOver)
      .finally(handedOver)
      .catch((error: unknown) => {
        if (!isBrowserNotFound(error) || context.signal.aborted) throw error;
        stage.skip(stageOf(format));
        missing.push({ format, failure: error.failure });
      });
  });
  const others = documents.filter((format) => format.needs !== 'browser').map((format) => started.all.then(() => renderDocuments(format, input, () => {})));
  const site = started.all.then(() => renderSites(sites, input, input.formats));
  // Every format settles before a failure unwinds the build: each closes its own browser (the PDFs'
  // and the checklists') and ends its processes, which a build that returned at the first failure
  // would leave running — and their scratch folders behind — as ladderpress exited.
  const settled = await Promise.allSettled([...printed, ...others, site]);
  const failedFormat = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failedFormat) throw failedFormat.reason;
  if (missing.length === 0) return { formats: input.formats, failure: null };
  // withoutBrowser: with no browser the formats that need one are left out (exit 3), not the whole
  // build; the site must then not offer them, so it is rendered again (HTML is cheap) without them.
  const formats = input.formats.filter((format) => !missing.some((left) => left.format === format));
  for (const file of await site) await input.stager.remove(file);
  await renderSites(sites, input, formats);
  return { formats, failure: missing[0]?.failure ?? null };
}

/**
 * browserFirst: PDFs print in Chromium's processes and Word documents are made on worker threads
 * (at scale), so the formats that need the browser start first and the rest wait until each of them
 * has handed its documents to the browser (or is done); then all run side by side.
 */
function browserFirst(count: number): { starter: () => () => void; all: Promise<void> } {
  let left = count;
  let open = (): void => {};
  const all = new Promise<void>((resolve) => (open = resolve));
  if (left === 0) open();
  const starter = (): (() => void) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--left === 0) open();
    };
  };
  return { starter, all };
}

/** One document format: its jobs (of the wanted levels) from the cache, the misses rendered; `onStart` once they go to the renderer. */
async function renderDocuments(format: DocumentFormat, input: RenderInput, onStart: () => void): Promise<void> {
  const { ladder, context, stage } = input;
  const name = stageOf(format);
  const renderer = await format.load();
  const jobs = wantedJobs(await renderer.plan(ladder, context), format, input.levels);
  stage.begin(name, jobs.length);
  const render = (misses: readonly (typeof jobs)[number][], emit: EmitDocument): Promise<void> => {
    const done = renderer.render(misses, context, async (file) => {
      await emit(file);
      stage.advance(name);
    });
    onStart();
    return done;
  };
  await renderCached(jobs, input.cache, input.stager, render, (hits) => stage.cached(name, hits));
  stage.end(name, jobs.length);
}

/** With --level: the jobs of those levels' files only (no books). */
function wantedJobs<J extends RenderJob>(jobs: readonly J[], format: DocumentFormat, levels: ReadonlySet<string> | null): readonly J[] {
  if (levels === null) return jobs;
  const paths = new Set([...levels].flatMap((slug) => format.level.map((file) => file.path(slug))));
  return jobs.filter((job) => paths.has(job.path));
}

/** The site formats' files, each handed to the stager as it is made; returns their paths. */
async function renderSites(sites: readonly SiteFormat[], input: RenderInput, formats: readonly OutputFormat[]): Promise<string[]> {
  const paths: string[] = [];
  for (const site of sites) {
    const name = stageOf(site);
    input.stage.begin(name, 0);
    const renderer = await site.load();
    const before = paths.length;
    await renderer.render(input.ladder, { ...input.context, formats }, (file) => {
      paths.push(file.path);
      return input.stager.add(file);
    });
    input.stage.end(name, paths.length - before);
  }
  return paths;
}

/** Every listed format's name is a stage (STAGES is made from the list). */
function stageOf(format: OutputFormat): Stage {
  return format.name as Stage;
}

/** No browser, or one that did not start: for the user the same (the rule withoutBrowser). */
function isBrowserNotFound(error: unknown): error is EnvironmentError {
  return error instanceof EnvironmentError && (error.failure.code === 'browser-not-found' || error.failure.code === 'browser-start');
}
