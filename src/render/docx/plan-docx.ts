import { Diagnostics } from '../../diagnostics.js';
import type { Ladder } from '../../model/types.js';
import { ladderKey, partKeysFor, type LadderPartKeys } from '../part-keys.js';
import { assembleBook } from './assemble-book.js';
import { chapterTask, keptChapter } from './book-chapter.js';
import type { DocxArticle, DocxLevel, DocxOverview } from './docx-parts.js';
import { joinsChapters } from './ladder-docx.js';
import type { RenderContext } from '../render-context.js';
import { DOCX_FILES } from './docx-files.js';
import { timeCharts } from '../time-chart.js';
import { bookTask, deltaFromLabel, levelTask } from './docx-task.js';
import { wordJobMaker, type WordJob, type WordJobMaker } from './word-job.js';
import { imagePlanner, loadImages, type ImagePlanner } from './docx-images.js';
import { docxTheme, fontTableEntries } from './docx-theme.js';
import { readReferenceDocx } from './reference-docx.js';
import { tableStyleXml } from './styles.js';

/** A Word document to write; `key` holds the model slice it is made from. */
export interface DocxJob extends WordJob {
  /** A book joined from chapters made on their own (see assemble-book.ts), else absent. */
  readonly chapters?: BookChapters;
}

export interface BookChapters {
  /** One job per chapter, in book order; its key is that of the chapter's part (PartStore kind CHAPTER_PARTS). */
  readonly jobs: readonly DocxJob[];
  /** The book from its chapters' parts; null when it must be made whole (the job's own render). */
  readonly join: (parts: readonly Uint8Array[]) => Promise<Uint8Array | null>;
}

/** The PartStore kind of a book chapter. */
export const CHAPTER_PARTS = 'docx-chapter';

/** model → the Word documents: per level `<slug>.docx`, and `ladder.docx`. */
export function planDocx(ladder: Ladder, context: RenderContext): DocxJob[] {
  const reference = readReferenceDocx(context.referenceDocx, context.diagnostics);
  const maker = wordJobMaker(context.diagnostics);
  const { job } = maker;
  const pack = { date: ladder.site.date, reference, fonts: fontTableEntries(ladder.site.theme), extraStyles: tableStyleXml(docxTheme(ladder.site.theme)) };
  const common = { site: ladder.site, reference: reference?.hash ?? null, toolVersion: context.toolVersion };
  const keys = partKeysFor(ladder, context.partKeys);
  const planImages = imagePlanner(context.contentDir);
  const jobs: DocxJob[] = ladder.levels.map((level, index) => {
    // The delta's heading names the level below, whose label is not part of this level's key.
    const deltaFrom = deltaFromLabel(ladder, level);
    const charts = timeCharts(ladder, level.slug);
    const task = levelTask(ladder.site, level, deltaFrom, pack, planImages, charts);
    return job(DOCX_FILES.level.path(level.slug), JSON.stringify({ format: 'docx', ...common, level: keys.levels[index], deltaFrom, charts, images: task.images.hashes }), task);
  });
  const book = bookTask(ladder, pack, planImages);
  const bookJob = job(DOCX_FILES.book.path, JSON.stringify({ format: 'docx-book', ...common, parts: ladderKey(keys), images: book.images.hashes }), book);
  jobs.push(joinsChapters(book.ladder) ? { ...bookJob, chapters: bookChapters(book, keys, common, maker, planImages) } : bookJob);
  return jobs;
}

/**
 * The book's chapters as jobs of their own: on a one-file edit only that chapter is made again, and
 * at a cold build they spread over the worker threads instead of one thread making the whole book.
 */
function bookChapters(
  book: ReturnType<typeof bookTask>,
  keys: LadderPartKeys,
  common: object,
  { job, report }: WordJobMaker,
  planImages: ImagePlanner,
): BookChapters {
  const { site, overview, levels, articles } = book.ladder;
  const hasOverview = overview !== null;
  const chapter = (doc: DocxOverview | DocxLevel | DocxArticle, part: string | null, titleLevel: 1 | 2, index: number): DocxJob => {
    const images = planImages([doc], null);
    return job(`${DOCX_FILES.book.path}#chapter-${index}`, JSON.stringify({ format: CHAPTER_PARTS, ...common, part, titleLevel, hasOverview, images: images.hashes }), { ...chapterTask(site, doc, titleLevel, hasOverview), images });
  };
  const docs: [DocxOverview | DocxLevel | DocxArticle, string | null, 1 | 2][] = [
    ...(overview ? [[overview, keys.overview, 1] as [DocxOverview, string | null, 1]] : []),
    ...levels.map((level, i): [DocxLevel, string | null, 1] => [level, keys.levels[i] ?? null, 1]),
    ...articles.map((article, i): [DocxArticle, string | null, 2] => [article, keys.articles[i] ?? null, 2]),
  ];
  return {
    jobs: docs.map(([doc, part, titleLevel], index) => chapter(doc, part, titleLevel, index)),
    join: async (parts) => {
      const found = new Diagnostics();
      const chapters = parts.map(keptChapter);
      const joined = await assembleBook(book.ladder, chapters, book.pack, found, new Set(), await loadImages(book.images));
      report(found.all);
      return joined;
    },
  };
}
