import os from 'node:os';
import type { OutputFile } from '../render-context.js';
import { renderInWorkers } from './docx-pool.js';
import type { DocxJob } from './plan-docx.js';

/**
 * Below this many documents the workers cost more than they save, so they are made on this thread:
 * each worker loads tsx and docx (0.4 s, 2 s when two start at once on a busy machine) and runs
 * cold code, and the book, sent first, takes 2–3× longer there than on the warmed-up main thread.
 * Measured on the 2-core machine under load: 24 levels 2.5 s here against 6–7 s on two workers.
 */
const MIN_JOBS_FOR_WORKERS = 100;
/** Each worker started should have at least this many documents to make. */
const JOBS_PER_WORKER = 12;

export interface RenderDocxOptions {
  /** Ctrl-C: stop making documents and throw. */
  readonly signal: AbortSignal;
  /** Takes each document as it is made. */
  readonly emit: (file: OutputFile) => Promise<void>;
  /** Worker threads at most; by default one per core. */
  readonly threads?: number;
}

/** Makes the jobs' .docx files: on worker threads when there are many, else on this thread. */
export async function renderDocxJobs(jobs: readonly DocxJob[], { signal, emit, threads = os.availableParallelism() }: RenderDocxOptions): Promise<void> {
  if (jobs.length >= MIN_JOBS_FOR_WORKERS && threads >= 2) {
    await renderInWorkers(jobs, Math.min(threads, Math.ceil(jobs.length / JOBS_PER_WORKER)), signal, emit);
    return;
  }
  for (const job of jobs) {
    signal.throwIfAborted();
    await emit({ path: job.path, data: await job.render() });
  }
}
