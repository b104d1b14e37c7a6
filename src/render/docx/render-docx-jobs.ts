import os from 'node:os';
import type { OutputFile } from '../render-context.js';
import { renderInWorkers } from './docx-pool.js';
import type { PartStore } from '../part-store.js';
import { CHAPTER_PARTS, type DocxJob } from './plan-docx.js';

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
  /** Where the book's chapters are kept between builds. */
  readonly parts?: PartStore | null;
}

/**
 * Makes the jobs' .docx files: on worker threads when there are many, else on this thread. A book
 * joined from chapters takes the chapters kept in `parts` and makes the others among the documents,
 * then is joined here.
 */
export async function renderDocxJobs(jobs: readonly DocxJob[], { signal, emit, threads = os.availableParallelism(), parts = null }: RenderDocxOptions): Promise<void> {
  const books = jobs.filter((job) => job.chapters !== undefined);
  const made = new Map<DocxJob, (Uint8Array | null)[]>();
  const chapterOf = new Map<string, { book: DocxJob; index: number; key: string }>();
  const work: DocxJob[] = jobs.filter((job) => job.chapters === undefined);
  for (const book of books) {
    const chapters = book.chapters?.jobs ?? [];
    const found = await Promise.all(chapters.map((chapter) => parts?.get(CHAPTER_PARTS, chapter.key) ?? null));
    made.set(book, found);
    chapters.forEach((chapter, index) => {
      if (found[index]) return;
      chapterOf.set(chapter.path, { book, index, key: chapter.key });
      work.push(chapter);
    });
  }
  const take = async (file: OutputFile): Promise<void> => {
    const chapter = chapterOf.get(file.path);
    if (!chapter) return emit(file);
    const data = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
    (made.get(chapter.book) as (Uint8Array | null)[])[chapter.index] = data;
    await parts?.put(CHAPTER_PARTS, chapter.key, data);
  };
  await renderEach(work, signal, threads, take);
  for (const book of books) {
    signal.throwIfAborted();
    const chapters = (made.get(book) ?? []).filter((data): data is Uint8Array => data !== null);
    made.delete(book);
    const joined = await book.chapters?.join(chapters);
    await emit({ path: book.path, data: joined ?? (await book.render()) });
  }
}

async function renderEach(jobs: readonly DocxJob[], signal: AbortSignal, threads: number, emit: (file: OutputFile) => Promise<void>): Promise<void> {
  if (jobs.length >= MIN_JOBS_FOR_WORKERS && threads >= 2) {
    await renderInWorkers(jobs, Math.min(threads, Math.ceil(jobs.length / JOBS_PER_WORKER)), signal, emit);
    return;
  }
  for (const job of jobs) {
    signal.throwIfAborted();
    await emit({ path: job.path, data: await job.render() });
  }
}
