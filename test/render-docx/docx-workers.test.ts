import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { renderInWorkers } from '../../src/render/docx/docx-pool.js';
import { planDocx, type DocxJob } from '../../src/render/docx/plan-docx.js';
import type { OutputFile } from '../../src/render/render-context.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { docxContext, KITCHEN_SINK, part, withBody } from './docx-helpers.js';

const onThisThread = async (jobs: readonly DocxJob[]): Promise<Map<string, Uint8Array>> => new Map(await Promise.all(jobs.map(async (job) => [job.path, await job.render()] as const)));

describe('Word documents on worker threads', () => {
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = await readLadderOrThrow(KITCHEN_SINK);
  });

  it('makes the same bytes as this thread, with a reference document, in job order', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-ref-'));
    const reference = path.join(dir, 'reference.docx');
    await writeFile(reference, execFileSync('pandoc', ['--print-default-data-file', 'reference.docx']));
    const jobs = planDocx(ladder, docxContext({ referenceDocx: reference }));
    const files = await collect(jobs);
    expect(files.map((file) => file.path).sort()).toEqual(jobs.map((job) => job.path).sort());
    const expected = await onThisThread(planDocx(ladder, docxContext({ referenceDocx: reference })));
    for (const file of files) expect(Buffer.from(file.data).equals(Buffer.from(expected.get(file.path) ?? '')), file.path).toBe(true);
    expect(part(files.find((file) => file.path === jobs[0]?.path)?.data as Uint8Array, 'word/styles.xml')).not.toContain('w:ascii="Arial"');
  });

  it('reports stripped control characters once, though the level is in two documents', async () => {
    const body: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'bell\u0007 here', position: { start: { line: 3, column: 1 }, end: { line: 3, column: 20 } } }] }],
    };
    const diagnostics = new Diagnostics();
    const inWorkers = await collect(planDocx(withBody(ladder, body), docxContext({ diagnostics })));
    const here = new Diagnostics();
    await onThisThread(planDocx(withBody(ladder, body), docxContext({ diagnostics: here })));
    expect(inWorkers.length).toBeGreaterThan(1);
    expect(diagnostics.all).toEqual(here.all);
    expect(diagnostics.all.filter((d) => d.code === 'control-characters')).toEqual([expect.objectContaining({ file: 'levels/alpha.md', line: 3, column: 1 })]);
  });

  it('turns an exception in a document into a failure, not a hang', async () => {
    const broken = planDocx(ladder, docxContext()).map((job) => (job.task.kind === 'level' ? { ...job, task: { ...job.task, level: { ...job.task.level, body: null as unknown as Root } } } : job));
    await expect(collect(broken)).rejects.toThrow(TypeError);
  });

  it('stops every worker when the build is cancelled', async () => {
    const controller = new AbortController();
    const jobs = planDocx(ladder, docxContext());
    const started = performance.now();
    const rendering = renderInWorkers(jobs, 2, controller.signal, () => Promise.resolve(controller.abort(new Error('cancelled'))));
    await expect(rendering).rejects.toThrow('cancelled');
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

/** The documents two workers make, in the order they are handed over. */
async function collect(jobs: Parameters<typeof renderInWorkers>[0], signal = new AbortController().signal): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  await renderInWorkers(jobs, 2, signal, (file) => Promise.resolve(void files.push(file)));
  return files;
}
