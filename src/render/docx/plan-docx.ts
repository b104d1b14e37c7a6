import type { Ladder } from '../../model/types.js';
import { ladderKey, partKey } from '../part-keys.js';
import type { RenderContext, RenderJob } from '../render-context.js';
import { ladderDocx } from './ladder-docx.js';
import { levelDocx } from './level-docx.js';
import { docxTheme, fontTableEntries } from './docx-theme.js';
import { packDocx } from './pack-docx.js';
import { readReferenceDocx } from './reference-docx.js';
import { tableStyleXml } from './styles.js';

/** A Word document to write; `key` holds the model slice it is made from. */
export interface DocxJob extends RenderJob {
  readonly render: () => Promise<Uint8Array>;
}

/** model → the Word documents: per level `<slug>.docx`, and `ladder.docx`. */
export function planDocx(ladder: Ladder, context: RenderContext): DocxJob[] {
  const reference = readReferenceDocx(context.referenceDocx, context.diagnostics);
  // A level appears in its own file and in the book: warn once per source position.
  const reported = new Set<string>();
  const pack = { date: ladder.site.date, reference, fonts: fontTableEntries(ladder.site.theme), extraStyles: tableStyleXml(docxTheme(ladder.site.theme)) };
  const common = { site: ladder.site, reference: reference?.hash ?? null, toolVersion: context.toolVersion };
  const jobs: DocxJob[] = ladder.levels.map((level) => ({
    path: `${level.slug}.docx`,
    key: JSON.stringify({ format: 'docx', ...common, level: partKey(level) }),
    render: async () => {
      await nextTick();
      return packDocx(levelDocx(ladder, level, context.diagnostics, reported), pack);
    },
  }));
  jobs.push({
    path: 'ladder.docx',
    key: JSON.stringify({ format: 'docx-book', ...common, parts: ladderKey(ladder) }),
    render: async () => {
      await nextTick();
      return packDocx(ladderDocx(ladder, context.diagnostics, reported), pack);
    },
  });
  return jobs;
}

/**
 * A document is made in one synchronous stretch; yielding to the event loop first lets the PDF
 * stage, which runs alongside, hear from its browser between two documents.
 */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
