import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseDocument, type ParseOutcome, type ParseTask } from './parse-document.js';

/**
 * Below this many documents a worker's start-up (loading the parser in a new thread) costs more
 * than it saves, so parsing stays on the main thread.
 */
const MIN_TASKS_FOR_WORKERS = 48;

/**
 * Parses every task, on all cores when there are many: Markdown parsing is the floor of a build,
 * and a 500-level ladder spends seconds in it. Outcomes come back in task order.
 */
export async function parseAll(tasks: readonly ParseTask[], threads = os.availableParallelism()): Promise<ParseOutcome[]> {
  if (tasks.length < MIN_TASKS_FOR_WORKERS || threads < 2) return tasks.map(parseDocument);
  const outcomes: ParseOutcome[] = new Array<ParseOutcome>(tasks.length);
  const workers = Array.from({ length: Math.min(threads, Math.ceil(tasks.length / 16)) }, startWorker);
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= tasks.length) return resolve();
              const id = next;
              next += 1;
              worker.postMessage({ id, task: tasks[id] });
            };
            worker.on('message', (message: { id: number; outcome: ParseOutcome }) => {
              outcomes[message.id] = message.outcome;
              send();
            });
            worker.once('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/**
 * Workers run TypeScript through tsx like the CLI does; an eval bootstrap registers it first, with
 * tsx resolved from this package so it works from any working directory.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  if (entry.endsWith('.js')) return new Worker(new URL(entry));
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}
