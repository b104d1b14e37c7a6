import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import { catalogue } from '../diagnostics.js';
import { runLanes } from '../lanes.js';
import { siblingModule, startWorkerThread } from '../worker-thread.js';
import { parseDocumentJson, type ParseOutcome, type ParseTask } from './parse-document.js';

/**
 * Below this many documents a worker's start-up (loading the parser in a new thread) costs more
 * than it saves, so parsing stays on the main thread.
 */
const MIN_TASKS_FOR_WORKERS = 48;

/** Documents this large parse in a worker even in a small ladder, so the time budget can stop them. */
const LARGE_DOCUMENT = 100_000;

export interface ParseOptions {
  readonly threads?: number;
  /** Longest one document may take to parse; past it the worker is stopped and an error reported. */
  readonly timeoutMs?: number;
}

/**
 * Parses every task, on all cores when there are many: Markdown parsing is the floor of a build,
 * and a 500-level ladder spends seconds in it. Outcomes (JSON, see parseDocumentJson) come back
 * in task order.
 */
export async function parseAll(tasks: readonly ParseTask[], options: ParseOptions = {}): Promise<string[]> {
  const threads = options.threads ?? os.availableParallelism();
  const needsBudget = tasks.some((task) => task.bytes.length >= LARGE_DOCUMENT);
  if (!needsBudget && (tasks.length < MIN_TASKS_FOR_WORKERS || threads < 2)) return tasks.map(parseDocumentJson);
  return parseInWorkers(tasks, Math.max(1, Math.min(threads, Math.ceil(tasks.length / 16))), options.timeoutMs ?? 60_000);
}

async function parseInWorkers(tasks: readonly ParseTask[], threads: number, timeoutMs: number): Promise<string[]> {
  const outcomes: string[] = new Array<string>(tasks.length);
  await runLanes({
    order: tasks.map((_, index) => index),
    lanes: threads,
    open: async () => {
      let worker = await startWorker();
      return {
        run: async (id) => {
          const task = tasks[id] as ParseTask;
          const outcome = await parseWithin(worker, id, task, timeoutMs);
          if (outcome !== null) {
            outcomes[id] = outcome;
            return;
          }
          // A worker stuck in the parser cannot be interrupted, only replaced.
          await worker.terminate();
          worker = await startWorker();
          // Not kept in the parse cache: a timeout says as much about the machine's load as about the file.
          outcomes[id] = JSON.stringify(timedOut(task, timeoutMs));
        },
        close: async () => {
          await worker.terminate();
        },
      };
    },
  });
  return outcomes;
}

/** The worker's outcome (JSON) for one task, or null when it takes longer than `timeoutMs`. */
function parseWithin(worker: Worker, id: number, task: ParseTask, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      resolve(null);
    }, timeoutMs);
    const onMessage = (message: { id: number; outcome: string }): void => {
      if (message.id !== id) return;
      cleanup();
      resolve(message.outcome);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ id, task });
  });
}

function timedOut(task: ParseTask, timeoutMs: number): ParseOutcome {
  const diagnostic: Diagnostic = {
    file: task.shownFile,
    line: 1,
    column: 1,
    severity: catalogue['document-timeout'].severity,
    code: 'document-timeout',
    message: `Reading the document took longer than ${timeoutMs / 1000} s and was stopped`,
    hint: catalogue['document-timeout'].hint,
  };
  return task.kind === 'article' ? { kind: 'article', draft: null, diagnostics: [diagnostic] } : { kind: task.kind, doc: null, diagnostics: [diagnostic] };
}

/** A parse thread, loaded. */
function startWorker(): Promise<Worker> {
  return startWorkerThread(siblingModule('parse-worker', import.meta.url));
}
