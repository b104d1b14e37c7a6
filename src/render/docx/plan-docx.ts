import { Diagnostics, type Diagnostic } from '../../diagnostics.js';
import type { Ladder } from '../../model/types.js';
import { ladderKey, partKeysFor } from '../part-keys.js';
import type { RenderContext, RenderJob } from '../render-context.js';
import { DOCX_FILES } from './docx-files.js';
import { positionKey } from './docx-state.js';
import { timeCharts } from '../time-chart.js';
import { bookTask, deltaFromLabel, levelTask, renderDocxTask, type DocxTask } from './docx-task.js';
import { docxTheme, fontTableEntries } from './docx-theme.js';
import { readReferenceDocx } from './reference-docx.js';
import { tableStyleXml } from './styles.js';

/** A Word document to write; `key` holds the model slice it is made from. */
export interface DocxJob extends RenderJob {
  /** Makes the document on this thread; what it finds goes to the build's diagnostics. */
  readonly render: () => Promise<Uint8Array>;
  /** The same document as plain data, for a worker thread to make (see render-docx-jobs.ts). */
  readonly task: DocxTask;
  /** Takes what a worker found while making the document, each source position once per build. */
  readonly report: (found: readonly Diagnostic[]) => void;
}

/** model → the Word documents: per level `<slug>.docx`, and `ladder.docx`. */
export function planDocx(ladder: Ladder, context: RenderContext): DocxJob[] {
  const reference = readReferenceDocx(context.referenceDocx, context.diagnostics);
  // A level appears in its own file and in the book: warn once per source position.
  const reported = new Set<string>();
  const report = (found: readonly Diagnostic[]): void => {
    for (const diagnostic of found) {
      const key = positionKey(diagnostic.file, diagnostic.line, diagnostic.column);
      if (reported.has(key)) continue;
      reported.add(key);
      context.diagnostics.add(diagnostic);
    }
  };
  const job = (path: string, key: string, task: DocxTask): DocxJob => ({
    path,
    key,
    task,
    render: async () => {
      await nextTick();
      // Found per document and deduplicated by `report`, the same way as on a worker thread.
      const found = new Diagnostics();
      const data = await renderDocxTask(task, found);
      report(found.all);
      return data;
    },
    report,
  });
  const pack = { date: ladder.site.date, reference, fonts: fontTableEntries(ladder.site.theme), extraStyles: tableStyleXml(docxTheme(ladder.site.theme)) };
  const common = { site: ladder.site, reference: reference?.hash ?? null, toolVersion: context.toolVersion };
  const keys = partKeysFor(ladder, context.partKeys);
  const jobs: DocxJob[] = ladder.levels.map((level, index) => {
    // The delta's heading names the level below, whose label is not part of this level's key.
    const deltaFrom = deltaFromLabel(ladder, level);
    const charts = timeCharts(ladder, level.slug);
    const task = levelTask(ladder.site, level, deltaFrom, pack, context.contentDir, charts);
    return job(DOCX_FILES.level.path(level.slug), JSON.stringify({ format: 'docx', ...common, level: keys.levels[index], deltaFrom, charts, images: task.images.hashes }), task);
  });
  const book = bookTask(ladder, pack, context.contentDir);
  jobs.push(job(DOCX_FILES.book.path, JSON.stringify({ format: 'docx-book', ...common, parts: ladderKey(keys), images: book.images.hashes }), book));
  return jobs;
}

/**
 * A document is made in one synchronous stretch; yielding to the event loop first lets the PDF
 * stage, which runs alongside, hear from its browser between two documents.
 */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
