import os from 'node:os';
import type { OutputFile } from '../render-context.js';
import { renderInWorkers } from './docx-pool.js';
import type { DocxJob } from './plan-docx.js';

/**
 * Below this many documents a worker's start-up (loading tsx and docx in a new thread) costs more
 * than it saves, so they are made on the main thread.
 */
const MIN_JOBS_FOR_WORKERS = 24;

export interface RenderDocxOptions {
  /** Ctrl-C: stop making documents and throw. */
  readonly signal: AbortSignal;
  /** Called as each document is made (progress). */
  readonly onDone: () => void;
  /** Worker threads at most; by default one per core. */
  readonly threads?: number;
}

/** The jobs' .docx files, in job order: on worker threads when there are many, else on this thread. */
export async function renderDocxJobs(jobs: readonly DocxJob[], { signal, onDone, threads = os.availableParallelism() }: RenderDocxOptions): Promise<OutputFile[]> {
  if (jobs.length >= MIN_JOBS_FOR_WORKERS && threads >= 2) {
    return renderInWorkers(jobs, Math.min(threads, Math.ceil(jobs.length / (MIN_JOBS_FOR_WORKERS / 2))), signal, onDone);
  }
  const out: OutputFile[] = [];
  for (const job of jobs) {
    signal.throwIfAborted();
    out.push({ path: job.path, data: await job.render() });
    onDone();
  }
  return out;
}
