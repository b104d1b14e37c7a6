import os from 'node:os';
import type { Diagnostic } from '../../diagnostics.js';
import type { Emit } from '../output-format.js';
import type { WordJob } from './word-job.js';
import { wordThreads, type WordThreads } from './word-threads.js';

/**
 * Below this many documents the threads cost more than they save, so they are made on this thread:
 * each thread loads docx and runs cold code, and the book, sent first, takes 2–3× longer there than
 * on the warmed-up main thread. Measured on the 2-core machine under load: 24 levels 2.5 s here
 * against 6–7 s on two threads.
 */
export const MIN_JOBS_FOR_THREADS = 100;

export interface RenderWordOptions {
  /** Ctrl-C: stop making documents and throw. */
  readonly signal: AbortSignal;
  /** The build's Word threads; absent, many jobs get a pool of their own, closed when they are done. */
  readonly threads?: WordThreads | null;
  readonly emit: Emit;
  /** On the threads, behind every other format's documents (see WordThreads.makeAll). */
  readonly last?: boolean;
}

/**
 * Makes the jobs' documents, each handed to `emit` as it is made: on the Word threads when there are
 * many (asked for in the jobs' order), else on this thread.
 */
export async function renderWordJobs(jobs: readonly WordJob[], { signal, threads = null, emit, last = false }: RenderWordOptions): Promise<void> {
  if (jobs.length < MIN_JOBS_FOR_THREADS || os.availableParallelism() < 2) {
    for (const job of jobs) {
      signal.throwIfAborted();
      await emit({ path: job.path, data: await job.render() });
    }
    return;
  }
  const pool = threads ?? wordThreads(signal);
  try {
    const found = new Array<readonly Diagnostic[]>(jobs.length);
    await pool.makeAll(jobs.map((job) => () => job.task), async (index, made) => {
      found[index] = made.diagnostics;
      await emit({ path: (jobs[index] as WordJob).path, data: made.data });
    }, { last });
    // What the threads found is reported in job order, so the warnings read the same on every run.
    jobs.forEach((job, index) => job.report(found[index] ?? []));
  } finally {
    if (!threads) await pool.close();
  }
}
