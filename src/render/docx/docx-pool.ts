import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics.js';
import { siblingModule, startWorkerThread } from '../../worker-thread.js';
import type { OutputFile } from '../render-context.js';
import type { DocxJob } from './plan-docx.js';

const ENTRY = siblingModule('docx-worker', import.meta.url);

type Reply = { readonly id: number; readonly data: Uint8Array; readonly diagnostics: readonly Diagnostic[] } | { readonly id: number; readonly error: Error };

/**
 * Makes the jobs' documents on `threads` worker threads, so the main thread stays free for the
 * site and the browser. Each worker is sent one job's task at a time. Each document is handed to
 * `emit` as it is made; what the workers found is reported in job order, once all are made. The first
 * failure, a crashed worker or `signal` stops every worker, and the workers are always ended.
 */
export async function renderInWorkers(jobs: readonly DocxJob[], threads: number, signal: AbortSignal, emit: (file: OutputFile) => Promise<void>): Promise<void> {
  signal.throwIfAborted();
  // The book holds every level, as much work as all their own documents: start it first, so it
  // does not finish alone at the end.
  const order = jobs.map((_, index) => index).sort((a, b) => weight(jobs[b] as DocxJob) - weight(jobs[a] as DocxJob));
  const found = new Array<readonly Diagnostic[]>(jobs.length);
  const running = new Set<Worker>();
  let next = 0;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    for (const worker of running) void worker.terminate();
  };
  signal.addEventListener('abort', stop, { once: true });

  const lane = async (): Promise<void> => {
    const worker = await startWorkerThread(ENTRY, { maxYoungGenerationSizeMb: 192 });
    running.add(worker);
    try {
      while (!stopped && next < order.length) {
        const index = order[next] as number;
        next += 1;
        const job = jobs[index] as DocxJob;
        const reply = await make(worker, index, job);
        found[index] = reply.diagnostics;
        await emit({ path: job.path, data: reply.data });
      }
    } finally {
      running.delete(worker);
      await worker.terminate();
    }
  };
  try {
    // The first failure is the cause; the other lanes then fail only because stop() ended their workers.
    let cause: { error: unknown } | null = null;
    const lanes = Array.from({ length: threads }, () =>
      lane().catch((error: unknown) => {
        cause ??= { error };
        stop();
      }),
    );
    await Promise.all(lanes);
    signal.throwIfAborted();
    if (cause) throw (cause as { error: unknown }).error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
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
