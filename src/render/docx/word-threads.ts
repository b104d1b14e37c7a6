import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics.js';
import { siblingModule, startWorkerThread } from '../../worker-thread.js';
import type { DocxTask } from './docx-task.js';

const ENTRY = siblingModule('docx-worker', import.meta.url);

/** A document a thread made: its bytes (moved, not copied) and what it found. */
export interface MadeDocument {
  readonly data: Uint8Array;
  readonly diagnostics: readonly Diagnostic[];
}

type Reply = { readonly id: number; readonly data: Uint8Array; readonly diagnostics: readonly Diagnostic[] } | { readonly id: number; readonly error: Error };

/**
 * The build's Word document threads, shared by every format that makes Word documents (the Word
 * format, job descriptions, checklists): one pool keeps the threads' memory to one set, and their
 * documents off the main thread, which renders the site and feeds the browser meanwhile. Threads
 * start when documents are asked for, up to one per core, and end when none are left; each makes
 * one document at a time, taking the next from one queue in the order they were asked for.
 */
export interface WordThreads {
  /**
   * Makes the tasks' documents, handing each to `take` as it is made. Each task is asked for its
   * data only when a thread takes it, so what it is made from need not wait in memory. The first failure (of a
   * document or of `take`) drops this call's documents not yet started and is thrown once the
   * started ones are done; a crashed thread fails every call. Nothing is left running on return.
   * With `last`, they wait behind every document asked for without it, even later.
   */
  makeAll(tasks: readonly (() => DocxTask)[], take: (index: number, made: MadeDocument) => Promise<void>, options?: { readonly last?: boolean }): Promise<void>;
  /** Ends the threads. */
  close(): Promise<void>;
  /** Threads alive now, started or starting: none once no document is left for them. */
  readonly running: number;
}

interface Pending {
  readonly task: () => DocxTask;
  /** The makeAll call it belongs to. */
  readonly call: object;
  readonly resolve: (made: MadeDocument) => void;
  readonly reject: (error: unknown) => void;
}

/** The pool; `signal` (Ctrl-C) ends every thread at once and fails every call with its reason. */
export function wordThreads(signal: AbortSignal, max = os.availableParallelism()): WordThreads {
  const queue: Pending[] = [];
  /** Behind `queue`: the documents asked for `last`. */
  const later: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const threads = new Set<Worker>();
  let starting = 0;
  let nextId = 0;
  let stopped: { readonly reason: unknown } | null = null;

  /** Fails what is waiting and in hand, and ends the threads; resolves once they have ended. */
  const stop = async (reason: unknown): Promise<void> => {
    if (stopped) return;
    stopped = { reason };
    for (const pending of [...queue.splice(0), ...later.splice(0), ...busy.values()]) pending.reject(reason);
    busy.clear();
    const ending = [...threads].map((thread) => thread.terminate());
    threads.clear();
    await Promise.all(ending);
  };
  const onAbort = (): void => void stop(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });

  /**
   * The thread takes the next document. One with nothing to do is ended at once: idle, its heap
   * (about 100 MB at 500 levels) would stay committed while the PDFs print, and a new one starts in
   * well under a second when work comes.
   */
  const next = (thread: Worker): void => {
    for (let pending = queue.shift() ?? later.shift(); pending !== undefined; pending = queue.shift() ?? later.shift()) {
      try {
        busy.set(thread, pending);
        thread.postMessage({ id: nextId++, task: pending.task() });
        return;
      } catch (error) {
        // A task that cannot be made or sent fails alone; the thread takes the next.
        busy.delete(thread);
        pending.reject(error);
      }
    }
    threads.delete(thread);
    thread.removeAllListeners();
    void thread.terminate();
  };

  const adopt = (thread: Worker): void => {
    threads.add(thread);
    thread.on('message', (reply: Reply) => {
      const pending = busy.get(thread);
      if (!pending) return;
      busy.delete(thread);
      if ('error' in reply) pending.reject(reply.error);
      else pending.resolve({ data: reply.data, diagnostics: reply.diagnostics });
      next(thread);
    });
    thread.once('error', (error) => void stop(error));
    thread.once('exit', (code) => void stop(new Error(`The Word document thread stopped (exit code ${code})`)));
    next(thread);
  };

  /** Starts threads for the documents waiting, up to `max` in all. */
  const startThreads = (): void => {
    while (queue.length + later.length > starting && threads.size + starting < max) {
      starting += 1;
      startWorkerThread(ENTRY).then(
        (thread) => {
          starting -= 1;
          if (stopped) void thread.terminate();
          else adopt(thread);
        },
        (error: unknown) => {
          starting -= 1;
          void stop(error);
        },
      );
    }
  };

  const make = (task: () => DocxTask, call: object, last: boolean): Promise<MadeDocument> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped.reason);
      (last ? later : queue).push({ task, call, resolve, reject });
      startThreads();
    });
  /** A call's documents not yet started, taken off the queue. */
  const drop = (call: object, reason: unknown): void => {
    for (const list of [queue, later]) {
      const dropped = list.filter((pending) => pending.call === call);
      list.splice(0, list.length, ...list.filter((pending) => pending.call !== call));
      for (const pending of dropped) pending.reject(reason);
    }
  };

  return {
    async makeAll(tasks, take, { last = false } = {}) {
      const call = {};
      const failures: unknown[] = [];
      await Promise.all(
        tasks.map(async (task, index) => {
          try {
            await take(index, await make(task, call, last));
          } catch (error) {
            // The first failure drops the rest; theirs follow from it.
            if (failures.push(error) === 1) drop(call, error);
          }
        }),
      );
      if (failures.length > 0) throw failures[0];
    },
    get running() {
      return threads.size + starting;
    },
    async close() {
      signal.removeEventListener('abort', onAbort);
      await stop(new Error('The Word document threads were closed'));
    },
  };
}
