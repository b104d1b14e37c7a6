import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import { planPdfs } from '../../src/render/pdf/plan-pdfs.js';
import { readContent, readLadderOrThrow } from '../helpers/read-content.js';
import { renderContext } from '../helpers/render-context.js';
import { part, wordText } from '../render-docx/docx-helpers.js';
import { EXAMPLE_CONTENT } from './build-site.js';
import { byTag, hasClass, parsePage, type ParsedPage } from './parse-page.js';
import { renderFiles, tempDir } from './site-fixture.js';

/** The text of an element, as a reader sees it. */
function hastText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? hastText(child) : '')).join('');
}

/** The chart's rows on a page: activity, whether a bar is drawn, the value as written. */
function chartRows(page: ParsedPage): { activity: string; bar: boolean; text: string }[] {
  const section = byTag(page, 'section').find((element) => hasClass(element, 'time-chart'));
  if (!section) return [];
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    if (node.tagName === 'tr' && node.children.some((child) => child.type === 'element' && child.tagName === 'td')) rows.push(node);
    for (const child of node.children) if (child.type === 'element') walk(child);
  };
  walk(section);
  return rows.map((row) => {
    const cells = row.children.filter((child): child is Element => child.type === 'element');
    return { activity: hastText(cells[0] as Element).trim(), bar: cells[1]?.children.some((child) => child.type === 'element' && child.tagName === 'svg') ?? false, text: hastText(cells[2] as Element).trim() };
  });
}

describe('time-allocation charts', () => {
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
  });

  it('draws a bar per activity on the level page, with the value as written beside it', async () => {
    const files = await renderFiles(ladder);
    const page = parsePage(files.get('manager.html') ?? '');
    expect(chartRows(page)).toEqual([
      { activity: 'Hands-on technical work', bar: true, text: '10–20%' },
      { activity: 'Design, review and mentoring', bar: true, text: '10%' },
      { activity: 'People and hiring', bar: true, text: '35–45%' },
      { activity: 'Planning and strategy', bar: true, text: '15–20%' },
      { activity: 'Stakeholders and partners', bar: true, text: '15%' },
    ]);
    const html = files.get('manager.html') ?? '';
    // A range is a band from its low to its high end; the SVG is decoration beside the text.
    expect(html).toContain('<rect class="share-range" x="35" y="2" width="10" height="8"/>');
    expect(html).toMatch(/<svg class="share-bar"[^>]*aria-hidden="true"/);
  });

  it('draws the same chart in the PDF handout', async () => {
    const jobs = await planPdfs(ladder, renderContext(['pdf']));
    const handout = jobs.find((job) => job.path === 'manager.pdf');
    const rows = chartRows(parsePage(handout?.html ?? ''));
    expect(rows.map((row) => [row.activity, row.text, row.bar])).toEqual([
      ['Hands-on technical work', '10–20%', true],
      ['Design, review and mentoring', '10%', true],
      ['People and hiring', '35–45%', true],
      ['Planning and strategy', '15–20%', true],
      ['Stakeholders and partners', '15%', true],
    ]);
  });

  it('draws it in Word as a table: the values as text, a range as tinted cells after the solid ones', async () => {
    const job = planDocx(ladder, renderContext(['docx'])).find((candidate) => candidate.path === 'manager.docx');
    if (!job) throw new Error('no manager.docx');
    const docx = await job.render();
    const xml = part(docx, 'word/document.xml');
    const text = wordText(xml);
    expect(text).toContain('Day-to-Day Time Allocation');
    const start = xml.indexOf('People and hiring');
    const row = xml.slice(start, xml.indexOf('</w:tr>', start));
    expect(wordText(row)).toContain('35–45%');
    const fills = [...row.matchAll(/w:fill="([0-9A-F]{6})"/g)].map((match) => match[1]);
    // 35 % solid = 7 cells of 5 %, then 45 − 35 = 10 % tinted = 2 cells.
    expect(new Set(fills).size).toBe(2);
    expect(fills.filter((fill) => fill === fills[0])).toHaveLength(7);
    expect(fills.filter((fill) => fill !== fills[0])).toHaveLength(2);
  });

  it('shows a value that is no share as text, with a warning at its cell', async () => {
    const dir = await tempDir('time-chart');
    await cp(EXAMPLE_CONTENT, dir, { recursive: true });
    const index = path.join(dir, 'index.md');
    const source = await readFile(index, 'utf8');
    await writeFile(index, source.replace('| 0–5% | 0% |', '| 0–5% | varies |'));
    const { ladder: edited, diagnostics } = await readContent(dir);
    if (!edited) throw new Error('not read');
    const line = source.split('\n').findIndex((text) => text.includes('| 0–5% | 0% |')) + 1;
    const warnings = diagnostics.all.filter((diagnostic) => diagnostic.code === 'unreadable-time-share');
    expect(warnings).toEqual([expect.objectContaining({ file: expect.stringMatching(/index\.md$/), line, severity: 'warning', message: expect.stringContaining('"varies" (Hands-on technical work)') })]);
    // The cell's position, as mdast gives it: its opening pipe.
    expect(warnings[0]?.column).toBe((source.split('\n')[line - 1]?.lastIndexOf('| 0% |') ?? -2) + 1);
    const page = parsePage((await renderFiles(edited)).get('vp.html') ?? '');
    expect(chartRows(page)[0]).toEqual({ activity: 'Hands-on technical work', bar: false, text: 'varies' });
  });

  it('leaves a table of the week in words alone: no chart, no warnings', async () => {
    const dir = await tempDir('time-words');
    await cp(EXAMPLE_CONTENT, dir, { recursive: true });
    const index = path.join(dir, 'index.md');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/\| (\d+)(–\d+)?% /g, '| mostly meetings '));
    const { ladder: edited, diagnostics } = await readContent(dir);
    if (!edited) throw new Error('not read');
    expect(diagnostics.all.filter((diagnostic) => diagnostic.code === 'unreadable-time-share')).toEqual([]);
    expect(chartRows(parsePage((await renderFiles(edited)).get('vp.html') ?? ''))).toEqual([]);
  });
});
