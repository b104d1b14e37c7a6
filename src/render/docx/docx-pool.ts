import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics.js';
import { runLanes } from '../../lanes.js';
import { siblingModule, startWorkerThread } from '../../worker-thread.js';
import type { OutputFile } from '../render-context.js';
import type { DocxJob } from './plan-docx.js';

const ENTRY = siblingModule('docx-worker', import.meta.url);

type Reply = { readonly id: number; readonly data: Uint8Array; readonly diagnostics: readonly Diagnostic[] } | { readonly id: number; readonly error: Error };

/**
 * Makes the jobs' documents on `threads` worker threads, so the main thread stays free for the
 * site and the browser. Each worker is sent one job's task at a time. Each document is handed to
 * `emit` as it is made; what the workers found is reported in job order, once all are made. The first
 * failure, a crashed worker or `signal` stops every worker (see runLanes), and the workers are always ended.
 */
export async function renderInWorkers(jobs: readonly DocxJob[], threads: number, signal: AbortSignal, emit: (file: OutputFile) => Promise<void>): Promise<void> {
  // The book holds every level, as much work as all their own documents: start it first, so it
  // does not finish alone at the end.
  const order = jobs.map((_, index) => index).sort((a, b) => weight(jobs[b] as DocxJob) - weight(jobs[a] as DocxJob));
  const found = new Array<readonly Diagnostic[]>(jobs.length);
  await runLanes({
    order,
    lanes: threads,
    signal,
    open: async () => {
      const worker = await startWorkerThread(ENTRY);
      return {
        run: async (index) => {
          const job = jobs[index] as DocxJob;
          const reply = await make(worker, index, job);
          found[index] = reply.diagnostics;
          await emit({ path: job.path, data: reply.data });
        },
        // A failure elsewhere or Ctrl-C ends this lane's document too: nothing waits for it.
        interrupt: () => void worker.terminate(),
        close: async () => {
          await worker.terminate();
        },
      };
    },
  });
  jobs.forEach((job, index) => job.report(found[index] ?? []));
}

/** One document from the worker; rejects with the job's error, or when the worker stops. */
function make(worker: Worker, id: number, job: DocxJob): Promise<{ data: Uint8Array; diagnostics: readonly Diagnostic[] }> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply): void => {
      if (reply.id !== id) return;
      cleanup();
      if ('error' in reply) reject(reply.error);
      else resolve(reply);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`The Word document thread stopped (exit code ${code}) while making ${job.path}`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, task: job.task });
  });
}

function weight(job: DocxJob): number {
  return job.task.kind === 'book' ? 1 : 0;
}
