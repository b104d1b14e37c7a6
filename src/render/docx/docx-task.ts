import type { Diagnostics } from '../../diagnostics.js';
import type { Article, Ladder, Level, Overview, Site } from '../../model/types.js';
import { renderChapter, type ChapterTask } from './book-chapter.js';
import { ladderDocx } from './ladder-docx.js';
import { levelDocx } from './level-docx.js';
import type { DocumentParts, DocxArticle, DocxLadder, DocxLevel, DocxOverview } from './docx-parts.js';
import { packDocx, type PackOptions } from './pack-docx.js';

/**
 * Everything one Word document is made from, as plain data: a worker thread is sent this, so it
 * holds only what that document needs (one level; the whole ladder only for the book).
 */
export type DocxTask =
  | { readonly kind: 'level'; readonly site: Site; readonly level: DocxLevel; readonly pack: PackOptions }
  | { readonly kind: 'book'; readonly ladder: DocxLadder; readonly pack: PackOptions }
  | ChapterTask;

export function levelTask(site: Site, level: Level, deltaFrom: string | null, pack: PackOptions): DocxTask {
  return { kind: 'level', site, level: docxLevel(level, deltaFrom), pack };
}

/** The label of the level a level's delta is measured from, or null. */
export function deltaFromLabel(ladder: Ladder, level: Level): string | null {
  return (level.delta && ladder.levels.find((other) => other.slug === level.delta?.from)?.label) ?? null;
}

export function bookTask(ladder: Ladder, pack: PackOptions): Extract<DocxTask, { kind: 'book' }> {
  const { site, levels, articles, overview } = ladder;
  return { kind: 'book', ladder: { site, levels: levels.map((level) => docxLevel(level, null)), articles: articles.map(docxDocument), overview: overview && docxDocument(overview) }, pack };
}

/**
 * The .docx bytes of a task; on whichever thread, the same code makes the same bytes. Stripped
 * control characters are reported once per source position of the document; across documents the
 * build deduplicates (DocxJob.report).
 */
export function renderDocxTask(task: DocxTask, diagnostics: Diagnostics): Promise<Uint8Array> {
  const reported = new Set<string>();
  if (task.kind === 'chapter') return renderChapter(task, diagnostics, reported);
  const document = task.kind === 'level' ? levelDocx(task.site, task.level, diagnostics, reported) : ladderDocx(task.ladder, diagnostics, reported);
  return packDocx(document, task.pack);
}

/** The book leaves deltas out (`deltaFrom` null): each chapter is the level as its document states it. */
function docxLevel(level: Level, deltaFrom: string | null): DocxLevel {
  const { intro, coreQuestion, origin, scope, skills, dayToDay, transitions } = level.facets;
  return {
    ...docxDocument(level),
    label: level.label,
    delta: deltaFrom === null ? null : level.delta,
    deltaFrom,
    facets: { intro, coreQuestion, origin, scope, skills, dayToDay, transitions },
  };
}

function docxDocument<D extends Level | Article | Overview>(doc: D): Pick<D, DocumentParts> {
  return { kind: doc.kind, slug: doc.slug, file: doc.file, title: doc.title, titleInline: doc.titleInline, body: doc.body, headings: doc.headings };
}
