import type { OutputFile } from '../render-context.js';
import type { PartStore } from '../part-store.js';
import { CHAPTER_PARTS, type DocxJob } from './plan-docx.js';
import { renderWordJobs } from './render-word-jobs.js';
import type { WordThreads } from './word-threads.js';

export interface RenderDocxOptions {
  /** Ctrl-C: stop making documents and throw. */
  readonly signal: AbortSignal;
  /** Takes each document as it is made. */
  readonly emit: (file: OutputFile) => Promise<void>;
  /** The build's Word threads (see renderWordJobs). */
  readonly threads?: WordThreads | null;
  /** Where the book's chapters are kept between builds. */
  readonly parts?: PartStore | null;
}

/**
 * Makes the jobs' .docx files: on worker threads when there are many, else on this thread. A book
 * joined from chapters takes the chapters kept in `parts` and makes the others among the documents,
 * then is joined here.
 */
export async function renderDocxJobs(jobs: readonly DocxJob[], { signal, emit, threads = null, parts = null }: RenderDocxOptions): Promise<void> {
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
  // The book holds every level, as much work as all their own documents: asked for first, so it
  // does not finish alone at the end.
  const order = [...work.filter((job) => job.task.kind === 'book'), ...work.filter((job) => job.task.kind !== 'book')];
  // Behind the other formats' documents: the book is joined on this thread once its chapters are
  // made, and by then the threads have ended, so the join's memory does not add to theirs (at 500
  // levels the threads hold about 100 MB each, the join a little more).
  await renderWordJobs(order, { signal, threads, emit: take, last: books.length > 0 });
  for (const book of books) {
    signal.throwIfAborted();
    const chapters = (made.get(book) ?? []).filter((data): data is Uint8Array => data !== null);
    made.delete(book);
    const joined = await book.chapters?.join(chapters);
    await emit({ path: book.path, data: joined ?? (await book.render()) });
  }
}
