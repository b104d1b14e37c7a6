import { Diagnostics, type Diagnostic } from '../../diagnostics.js';
import type { RenderJob } from '../render-context.js';
import { positionKey } from './docx-state.js';
import { renderDocxTask, type DocxTask } from './docx-task.js';

/** A Word document to write — a level's, the book's, a job description, a checklist — made on this thread or on the build's Word threads. */
export interface WordJob extends RenderJob {
  /** Makes the document on this thread; what it finds goes to the build's diagnostics. */
  readonly render: () => Promise<Uint8Array>;
  /** The same document as plain data, for a Word thread to make (see render-word-jobs.ts). */
  readonly task: DocxTask;
  /** Takes what a thread found while making the document, each source position once per maker. */
  readonly report: (found: readonly Diagnostic[]) => void;
}

/** A format's Word jobs among its others (a checklist's PDF, a posting's Markdown): they alone carry a task. */
export function isWordJob<J extends RenderJob>(job: J | WordJob): job is WordJob {
  return 'task' in job;
}

/**
 * Makes jobs that report into `diagnostics`, each source position once across them: a level is in
 * its own document and in the book, and warning twice about one stripped character helps nobody.
 */
export function wordJobMaker(diagnostics: Diagnostics): WordJobMaker {
  const reported = new Set<string>();
  const report = (found: readonly Diagnostic[]): void => {
    for (const diagnostic of found) {
      const key = positionKey(diagnostic.file, diagnostic.line, diagnostic.column);
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.add(diagnostic);
    }
  };
  const job = (path: string, key: string, task: DocxTask | (() => DocxTask)): WordJob => {
    const taskOf = typeof task === 'function' ? task : () => task;
    return {
      path,
      key,
      get task() {
        return taskOf();
      },
      render: async () => {
        await nextTick();
        // Found per document and deduplicated by `report`, the same way as on a Word thread.
        const found = new Diagnostics();
        const data = await renderDocxTask(taskOf(), found);
        report(found.all);
        return data;
      },
      report,
    };
  };
  return { job, report };
}

export interface WordJobMaker {
  /** A job for `task`; given as a function, the task is made each time it is asked for (data that need not wait in memory). */
  readonly job: (path: string, key: string, task: DocxTask | (() => DocxTask)) => WordJob;
  /** What a document made outside the jobs found (the book joined from its chapters), under the same rule. */
  readonly report: (found: readonly Diagnostic[]) => void;
}

/**
 * A document is made in one synchronous stretch; yielding to the event loop first lets the PDF
 * stage, which runs alongside, hear from its browser between two documents.
 */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
