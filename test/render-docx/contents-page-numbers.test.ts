import { imagePlanner } from '../../src/render/docx/docx-images.js';
import path from 'node:path';
import type { Document } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { contentsPageNumbers } from '../../src/render/docx/contents-page-numbers.js';
import { pageBox } from '../../src/render/docx/docx-document.js';
import { bookTask } from '../../src/render/docx/docx-task.js';
import { docxTheme } from '../../src/render/docx/docx-theme.js';
import { ladderDocx } from '../../src/render/docx/ladder-docx.js';
import { documentStyles } from '../../src/render/docx/styles.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { KITCHEN_SINK, part, renderDocx } from './docx-helpers.js';

/** The book's body as docx prepares it for writing, which is what a page-number estimator is given. */
function preparedBody(document: Document): { body: Parameters<ReturnType<typeof contentsPageNumbers>>[0]; context: Parameters<ReturnType<typeof contentsPageNumbers>>[1] } {
  // The same steps docx/layout's layoutDocument takes to reach the body.
  const context = { file: document, viewWrapper: document.Document, stack: [] } as unknown as Parameters<ReturnType<typeof contentsPageNumbers>>[1];
  const body = document.Document.View.Body.prepForXml(context);
  if (!body) throw new Error('no body');
  return { body, context };
}

describe("ladder.docx contents' page numbers", () => {
  for (const [name, folder] of [
    ['the example content', path.join(PROJECT_ROOT, 'content')],
    ['the kitchen-sink fixture', KITCHEN_SINK],
  ] as const) {
    it(`are within a page of docx's full Word layout for every entry, on ${name}`, async () => {
      const ladder = await readLadderOrThrow(folder);
      const task = bookTask(ladder, { date: ladder.site.date, reference: null, fonts: '', extraStyles: '' }, imagePlanner(folder));
      if (task.kind !== 'book') throw new Error('not a book');
      const { body, context } = preparedBody(ladderDocx(task.ladder, new Diagnostics(), new Set()));
      const ours = contentsPageNumbers(documentStyles(docxTheme(ladder.site.theme), ladder.site.language), pageBox(ladder.site))(body, context);
      // docx's own estimator lays out every line as Word does: the reference, at a thousand times the cost.
      const reference = estimatePageNumbersWith({ guess: true })(body, context);
      const entries = [...reference.bookmarks].filter(([bookmark]) => bookmark.startsWith('_Toc'));
      expect(entries.length).toBeGreaterThan(5);
      for (const [bookmark, page] of entries) {
        const estimate = Number(ours.bookmarks.get(bookmark));
        expect(Math.abs(estimate - Number(page)), `${bookmark}: ${estimate} vs ${page}`).toBeLessThanOrEqual(1);
      }
      // Chapters start on new pages, so the numbers never go down.
      const pages = entries.map(([bookmark]) => Number(ours.bookmarks.get(bookmark)));
      expect(pages).toEqual([...pages].sort((a, b) => a - b));
      expect(Math.abs((ours.pageCount ?? 0) - (reference.pageCount ?? 0))).toBeLessThanOrEqual(1);
    }, 120_000);
  }

  it('are the numbers ladder.docx shows', async () => {
    const ladder = await readLadderOrThrow(KITCHEN_SINK);
    const xml = part((await renderDocx(ladder)).get('ladder.docx') ?? new Uint8Array(), 'word/document.xml');
    const task = bookTask(ladder, { date: ladder.site.date, reference: null, fonts: '', extraStyles: '' }, imagePlanner(KITCHEN_SINK));
    if (task.kind !== 'book') throw new Error('not a book');
    const { body, context } = preparedBody(ladderDocx(task.ladder, new Diagnostics(), new Set()));
    const ours = contentsPageNumbers(documentStyles(docxTheme(ladder.site.theme), ladder.site.language), pageBox(ladder.site))(body, context);
    const toc = xml.slice(xml.indexOf('>TOC '), xml.indexOf('</w:sdtContent>'));
    const shown = [...toc.matchAll(/PAGEREF _Toc\d+ \\h[\s\S]*?fldCharType="separate"[\s\S]*?<w:t[^>]*>(\d+)<\/w:t>/g)].map((match) => match[1]);
    const tocBookmarks = [...ours.bookmarks].filter(([bookmark]) => bookmark.startsWith('_Toc')).map(([, page]) => page);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown).toEqual(tocBookmarks.slice(0, shown.length));
  });
});
