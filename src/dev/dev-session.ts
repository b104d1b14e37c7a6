import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { build, type BuildOutcome } from '../build.js';
import { CONFIG_FILES } from '../config/load-config.js';
import { resolveSettings, type SettingsRequest } from '../config/resolve-settings.js';
import { Diagnostics, formatDiagnostic } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { PROJECT_ROOT } from '../project-root.js';
import { defaultCacheDir } from '../write/default-cache-dir.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { LIVE_RELOAD_URL } from './live-reload-client.js';

export interface DevOptions {
  readonly contentDir: string | null;
  readonly configFile: string | null;
  readonly host: string;
  readonly port: number;
  /** Where the dev build is written; default: in the render cache folder, never `out/`. */
  readonly outDir?: string;
  readonly cacheDir?: string;
  /** Terminal output, one line at a time. */
  readonly log: (line: string) => void;
}

export interface DevSession {
  readonly url: string;
  /** Resolves when the current rebuild (if any) has finished, PDFs and DOCX included. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `ladderpress dev`: builds into a private folder, serves it with live reload, and rebuilds on
 * every change of the content, the templates or the config — the HTML first (published at once,
 * the browser reloads), then the PDFs and Word documents with the cache. A change during a
 * rebuild aborts it and starts over; errors go to the terminal and the browser's overlay.
 */
export async function startDev(options: DevOptions): Promise<DevSession> {
  const cacheDir = options.cacheDir ?? defaultCacheDir('out');
  const outDir = options.outDir ?? path.join(cacheDir, 'dev-site');
  const request: SettingsRequest = { contentDir: options.contentDir, outDir, configFile: options.configFile, cacheDir };
  const initial = await resolveSettings(request, new Diagnostics());
  const base = initial?.config.base ?? '/';
  const server = await startDevServer(outDir, { host: options.host, port: options.port, base });
  let buildId = 0;
  let running: { controller: AbortController; done: Promise<void> } | null = null;

  const rebuild = async (signal: AbortSignal): Promise<void> => {
    // Both passes write the same id into the pages, so the second (PDF, DOCX) changes no HTML.
    const id = ++buildId;
    const liveReload = `${LIVE_RELOAD_URL}?build=${id}`;
    const started = performance.now();
    // The config may have changed: resolved once per rebuild, for both passes.
    const settings = (await resolveSettings(request, new Diagnostics())) ?? undefined;
    const common = { ...request, ...(settings ? { settings } : {}), formats: null, strict: false, concurrency: null, signal, liveReload, capHeapWhenPrinting: true };
    const quick = await build({ ...common, htmlOnly: true });
    if (!report(quick, server, options.log)) return;
    server.broadcast({ type: 'built', id });
    options.log(`html ready in ${Math.round(performance.now() - started)} ms`);
    if (signal.aborted) return;
    const full = await build(common);
    if (full.exitCode === EXIT.ok) {
      const { pdf, docx } = full.stats.stages;
      options.log(`downloads ready: ${pdf.total} PDFs (${pdf.total - pdf.cached} printed), ${docx.total} Word documents (${docx.total - docx.cached} written)`);
    } else {
      report(full, server, options.log);
    }
  };

  const schedule = (): void => {
    const previous = running;
    previous?.controller.abort(new Error('superseded by a newer change'));
    const controller = new AbortController();
    const done = (async () => {
      await previous?.done;
      await rebuild(controller.signal).catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // A bug, not a content error: still tell the browser, or it would wait for a reload forever.
        const message = `ladderpress: internal error: ${error instanceof Error ? error.message : String(error)}`;
        options.log(message);
        server.broadcast({ type: 'problems', problems: [message] });
      });
    })();
    running = { controller, done };
  };

  const sources = [initial?.contentDir ?? options.contentDir ?? 'content', initial?.templatesDir ?? path.join(PROJECT_ROOT, 'templates'), ...(options.configFile ? [options.configFile] : [])];
  const cwd = process.cwd();
  const watchers: FSWatcher[] = [
    watch(sources, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } }),
    // The working directory itself, only for a config file appearing, changing or going.
    watch(cwd, { ignoreInitial: true, depth: 0, ignored: (file) => file !== cwd && !(CONFIG_FILES as readonly string[]).includes(path.basename(file)) }),
  ];
  let timer: NodeJS.Timeout | null = null;
  const onChange = (event: string, file: string): void => {
    if (isUnder(file, outDir) || isUnder(file, cacheDir)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      options.log(`${event} ${path.relative(process.cwd(), file)}`);
      schedule();
    }, 30);
  };
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.on('all', onChange).once('ready', () => resolve()))));
  schedule();

  return {
    url: server.url,
    idle: async () => {
      let current = running;
      do {
        current = running;
        await current?.done;
      } while (current !== running);
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      running?.controller.abort(new Error('dev server stopped'));
      await Promise.all(watchers.map((watcher) => watcher.close()));
      await running?.done;
      await server.close();
    },
  };
}

/** Prints problems and tells the browser; true when the build published. */
function report(result: BuildOutcome, server: DevServer, log: (line: string) => void): boolean {
  const problems = result.diagnostics.all.map(formatDiagnostic);
  for (const line of problems) log(line);
  if (result.failure) log(`error: ${result.failure.message}`);
  const published = result.exitCode === EXIT.ok || result.exitCode === EXIT.environment;
  if (!published) server.broadcast({ type: 'problems', problems: problems.filter((p) => p.includes('  error  ')) });
  return published;
}

function isUnder(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
