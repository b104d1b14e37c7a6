import type { Page } from 'puppeteer';
import { EnvironmentError, failure } from '../../failures.js';
import { runLanes } from '../../lanes.js';
import type { OutputFile, RenderContext, StreamedFile } from '../render-context.js';
import { startBuildBrowser } from './build-browser.js';
import type { PdfJob } from './plan-pdfs.js';
import { PartedDocument } from './parted-document.js';
import { printOne } from './print-one.js';
import { withinTime } from './within-time.js';

/** Documents printed on one page before it is replaced by a fresh one. */
const PAGE_REUSE = 100;

/** A document took longer than `limits.documentTimeoutMs`. */
export class DocumentTimeoutError extends EnvironmentError {
  override readonly name = 'DocumentTimeoutError';
}

/**
 * Prints the jobs with one browser and a pool of pages (one per lane, `context.concurrency` of
 * them). A Chromium crash relaunches the browser and retries the affected documents once; a document
 * that hangs fails with its name; Ctrl-C (`context.signal`) closes the browser and throws. The
 * browser is the build's (`context.browser`, closed by the build) or, without one, its own, closed
 * in every case. Each PDF is handed to `onPrinted` as soon as it is printed (in
 * the order they finish) and not kept: a 500-level ladder prints hundreds of megabytes.
 */
export async function printPdfs(jobs: readonly PdfJob[], context: RenderContext, onPrinted: (file: OutputFile | StreamedFile) => Promise<void> | void): Promise<void> {
  if (jobs.length === 0) return;
  context.signal.throwIfAborted();
  // The build's browser when it started one (shared with the other format that prints), else our own.
  const shared = context.browser ?? null;
  const browser = shared ?? startBuildBrowser(context.browserExecutable, context.documentTimeoutMs);
  const session = browser.session();
  const abort = (): void => void session.close(true);
  context.signal.addEventListener('abort', abort, { once: true });
  let hung = false;
  // A document in parts is a task per part; the lane that finishes its last part joins them.
  const tasks = jobs.flatMap((job): PrintTask[] => {
    if (job.parts.length === 0) return [{ job, whole: null, part: 0 }];
    const whole = new PartedDocument(job, context.parts ?? null, context.signal);
    return job.parts.map((part, index) => ({ job: part.job, whole, part: index }));
  });
  try {
    await runLanes({
      // The heaviest first (the book, or its parts), so it prints alongside the small ones instead of alone at the end.
      order: tasks.map((_, index) => index).sort((a, b) => weightOf(tasks[b]) - weightOf(tasks[a])),
      lanes: Math.min(context.concurrency, tasks.length),
      // No interrupt: on another lane's failure a page finishes the document in hand; on Ctrl-C
      // closing the browser (above) breaks off every page at once.
      open: async () => {
        let page: Page | null = null;
        let printed = 0;
        const print = async (job: PdfJob): Promise<Uint8Array> => {
          for (let attempt = 0; ; attempt += 1) {
            const generation = session.generation;
            try {
              page ??= await session.newPage();
              const ms = timeLimit(context.documentTimeoutMs, job);
              const data = await withinTime(printOne(page, job, context.parts ?? null), ms, () => new DocumentTimeoutError(failure('document-timeout', { file: job.path, title: job.title, ms })));
              // A fresh page now and then keeps a long build's memory (and DOM node ids) from growing.
              if (++printed % PAGE_REUSE === 0) {
                await page.close().catch(() => undefined);
                page = null;
              }
              return data;
            } catch (error) {
              // Dropped first, so closing the lane never waits on a page the failure left behind.
              const stale = page;
              page = null;
              context.signal.throwIfAborted();
              hung ||= error instanceof DocumentTimeoutError;
              if (error instanceof DocumentTimeoutError || attempt > 0) throw wrap(error, job);
              // A crashed browser is relaunched (once for all lanes) and the document retried once;
              // a crashed tab only needs a new page.
              if (!(await session.connected())) await session.relaunch(generation);
              else await stale?.close().catch(() => undefined);
            }
          }
        };
        return {
          run: async (index) => {
            const task = tasks[index] as PrintTask;
            const file = task.whole ? await task.whole.ready(task.part, print) : { path: task.job.path, data: await print(task.job) };
            // Outside the retry: a failure to take the file (a full disk) is not the browser's.
            if (file) await onPrinted(file);
          },
          close: async () => {
            await page?.close().catch(() => undefined);
          },
        };
      },
      signal: context.signal,
    });
  } finally {
    context.signal.removeEventListener('abort', abort);
    // A hung page can keep a polite close waiting: then the browser is killed outright. A shared
    // browser is left to the build, which closes it once every format is done: killing it here would
    // fail the other format's documents with a message that hides this one's timeout.
    if (!shared) await browser.close(hung || context.signal.aborted);
  }
}

/** A document to print, or part `part` of one printed in parts (`whole`). */
interface PrintTask {
  readonly job: PdfJob;
  readonly whole: PartedDocument | null;
  readonly part: number;
}

/** A part of a book ranks with the book, so the parts print first and the join does not wait at the end. */
function weightOf(task: PrintTask | undefined): number {
  return task?.whole?.job.weight ?? task?.job.weight ?? 1;
}

/** A book of many documents gets the time of one per ten it holds (Chromium prints pages fast). */
function timeLimit(perDocument: number, job: PdfJob): number {
  return perDocument * Math.max(1, Math.ceil(job.weight / 10));
}

function wrap(error: unknown, job: PdfJob): Error {
  if (error instanceof DocumentTimeoutError) return error;
  return new Error(`PDF ${job.path} ("${job.title}") failed: ${(error as Error).message}`, { cause: error });
}
