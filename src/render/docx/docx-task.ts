import type { Diagnostics } from '../../diagnostics.js';
import type { Article, Ladder, Level, Overview, Site } from '../../model/types.js';
import type { Checklist } from '../checklist-rows.js';
import { renderChapter, type ChapterTask } from './book-chapter.js';
import { checklistDocx } from './checklist-docx.js';
import { ladderDocx } from './ladder-docx.js';
import { levelDocx } from './level-docx.js';
import type { DocumentParts, DocxArticle, DocxLadder, DocxLevel, DocxOverview } from './docx-parts.js';
import { loadImages, type DocxImageSet, type ImagePlanner } from './docx-images.js';
import { packDocx, type PackOptions } from './pack-docx.js';
import type { TimeChart } from '../time-chart.js';
import { trackMapDescription, trackMapSvg } from '../track-map-svg.js';
import { docxTheme } from './docx-theme.js';
import type { DocxTrackMap } from './track-map-docx.js';

/**
 * Everything one Word document is made from, as plain data: a worker thread is sent this, so it
 * holds only what that document needs (one level, or its job description or checklist; the whole
 * ladder only for the book).
 */
export type DocxTask = (
  | { readonly kind: 'level'; readonly site: Site; readonly level: DocxLevel; readonly pack: PackOptions }
  | { readonly kind: 'book'; readonly ladder: DocxLadder; readonly pack: PackOptions }
  | ChapterTask
  | { readonly kind: 'checklist'; readonly site: Site; readonly checklist: Checklist; readonly pack: PackOptions }
) & {
  /** The images to embed, read by whichever thread makes the document (see docx-images.ts); none when left out. */
  readonly images?: DocxImageSet;
};

export function levelTask(site: Site, level: Level, deltaFrom: string | null, pack: PackOptions, planImages: ImagePlanner, timeCharts: readonly TimeChart[] = []): DocxTask & { readonly images: DocxImageSet } {
  const docx = { ...docxLevel(level, deltaFrom), timeCharts };
  return { kind: 'level', site, level: docx, pack, images: planImages([docx], site.theme.logo) };
}

/** The label of the level a level's delta is measured from, or null. */
export function deltaFromLabel(ladder: Ladder, level: Level): string | null {
  return (level.delta && ladder.levels.find((other) => other.slug === level.delta?.from)?.label) ?? null;
}

export function bookTask(ladder: Ladder, pack: PackOptions, planImages: ImagePlanner): Extract<DocxTask, { kind: 'book' }> & { readonly images: DocxImageSet } {
  const { site, levels, articles, overview } = ladder;
  const book: DocxLadder = { site, levels: levels.map((level) => docxLevel(level, null)), articles: articles.map(docxDocument), overview: overview && docxDocument(overview), trackMap: bookTrackMap(ladder) };
  return { kind: 'book', ladder: book, pack, images: planImages([book.overview, book.levels, book.articles], site.theme.logo) };
}

/**
 * The .docx bytes of a task; on whichever thread, the same code makes the same bytes. Stripped
 * control characters are reported once per source position of the document; across documents the
 * build deduplicates (DocxJob.report).
 */
export async function renderDocxTask(task: DocxTask, diagnostics: Diagnostics): Promise<Uint8Array> {
  const reported = new Set<string>();
  const images = task.images ? await loadImages(task.images) : new Map();
  if (task.kind === 'chapter') return renderChapter(task, diagnostics, reported, images);
  if (task.kind === 'checklist') return checklistDocx(task.site, task.checklist, task.pack, diagnostics);
  const document = task.kind === 'level' ? levelDocx(task.site, task.level, diagnostics, reported, images) : ladderDocx(task.ladder, diagnostics, reported, images);
  return packDocx(document, task.pack);
}

/** The track map for the book, with the theme's colours written into it (an image has no page stylesheet). */
function bookTrackMap(ladder: Ladder): DocxTrackMap | null {
  const theme = docxTheme(ladder.site.theme);
  const svg = trackMapSvg(ladder, (slug) => `#${slug}`, 'track-map', { primary: `#${theme.primary}`, text: `#${theme.text}`, font: `'${theme.fontBody}', 'DejaVu Sans', sans-serif` });
  const size = svg && /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  return svg && size ? { svg, width: Number(size[1]), height: Number(size[2]), description: trackMapDescription(ladder) } : null;
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
