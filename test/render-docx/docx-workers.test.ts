import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { planChecklists } from '../../src/render/checklist/plan-checklists.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import { MIN_JOBS_FOR_THREADS, renderWordJobs } from '../../src/render/docx/render-word-jobs.js';
import type { DocxTask } from '../../src/render/docx/docx-task.js';
import { isWordJob, type WordJob } from '../../src/render/docx/word-job.js';
import { wordThreads } from '../../src/render/docx/word-threads.js';
import { planJobDescriptions } from '../../src/render/job-description/plan-job-descriptions.js';
import type { OutputFile } from '../../src/render/render-context.js';
import { renderContext } from '../helpers/render-context.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { docxContext, KITCHEN_SINK, part, withBody } from './docx-helpers.js';

const onThisThread = async (jobs: readonly WordJob[]): Promise<Map<string, Uint8Array>> => new Map(await Promise.all(jobs.map(async (job) => [job.path, await job.render()] as const)));

describe('Word documents on the build\'s Word threads', () => {
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

  it('makes job descriptions and checklists there too, the same bytes as this thread, from one pool shared by the formats', async () => {
    const context = renderContext(['job-description', 'checklist']);
    const words = async (): Promise<WordJob[]> => [
      ...(await planJobDescriptions(ladder, context)).filter(isWordJob),
      ...(await planChecklists(ladder, context)).filter(isWordJob),
    ];
    const jobs = await words();
    expect(jobs.map((job) => job.task.kind)).toEqual(expect.arrayContaining(['level', 'checklist']));
    const pool = wordThreads(new AbortController().signal, 2);
    try {
      expect(pool.running).toBe(0);
      // Two formats at once, as a build runs them.
      const [descriptions, checklists] = await Promise.all([jobs.filter((job) => job.task.kind === 'level'), jobs.filter((job) => job.task.kind === 'checklist')].map((some) => collect(some, pool)));
      const expected = await onThisThread(await words());
      // Idle threads are ended, not kept for a format that may come later (their heaps would stay committed).
      expect(pool.running).toBe(0);
      const files = [...(descriptions ?? []), ...(checklists ?? [])];
      expect(files.map((file) => file.path).sort()).toEqual([...expected.keys()].sort());
      for (const file of files) expect(Buffer.from(file.data).equals(Buffer.from(expected.get(file.path) ?? '')), file.path).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('makes the documents asked for `last` after every other, even those asked for later', async () => {
    const jobs = planDocx(ladder, docxContext());
    const pool = wordThreads(new AbortController().signal, 2);
    const taken: string[] = [];
    const tasks = (name: string): (() => DocxTask)[] => jobs.map((job) => () => (taken.push(name), job.task));
    try {
      await Promise.all([pool.makeAll(tasks('book'), () => Promise.resolve(), { last: true }), pool.makeAll(tasks('other'), () => Promise.resolve())]);
    } finally {
      await pool.close();
    }
    expect(taken).toEqual([...jobs.map(() => 'other'), ...jobs.map(() => 'book')]);
  });

  it('reports stripped control characters once, though the level is in two documents', async () => {
    const body: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'bell\u0007 here', position: { start: { line: 3, column: 1 }, end: { line: 3, column: 20 } } }] }],
    };
    const diagnostics = new Diagnostics();
    // Enough documents for renderWordJobs to send them to threads: the kitchen sink's, several times over.
    const jobs = planDocx(withBody(ladder, body), docxContext({ diagnostics }));
    const many = Array.from({ length: Math.ceil(MIN_JOBS_FOR_THREADS / jobs.length) }, () => jobs).flat();
    const pool = wordThreads(new AbortController().signal, 2);
    const onThreads: string[] = [];
    const inWorkers: OutputFile[] = [];
    try {
      await renderWordJobs(many, { signal: new AbortController().signal, threads: spy(pool, onThreads), emit: (file) => Promise.resolve(void inWorkers.push(file)) });
    } finally {
      await pool.close();
    }
    expect(onThreads).toHaveLength(many.length);
    const here = new Diagnostics();
    await onThisThread(planDocx(withBody(ladder, body), docxContext({ diagnostics: here })));
    expect(diagnostics.all).toEqual(here.all);
    expect(diagnostics.all.filter((d) => d.code === 'control-characters')).toEqual([expect.objectContaining({ file: 'levels/alpha.md', line: 3, column: 1 })]);
  });

  it('turns an exception in a document into a failure, not a hang', async () => {
    const broken = planDocx(ladder, docxContext()).map((job) => (job.task.kind === 'level' ? { ...job, task: { ...job.task, level: { ...job.task.level, body: null as unknown as Root } } } : job));
    await expect(collect(broken)).rejects.toThrow(TypeError);
  });

  it('stops every thread when the build is cancelled, and fails what is asked of it after', async () => {
    const controller = new AbortController();
    const jobs = planDocx(ladder, docxContext());
    const pool = wordThreads(controller.signal, 2);
    const rendering = pool.makeAll(jobs.map((job) => () => job.task), () => Promise.resolve(controller.abort(new Error('cancelled'))));
    await expect(rendering).rejects.toThrow('cancelled');
    await expect(pool.makeAll([() => (jobs[0] as WordJob).task], () => Promise.resolve())).rejects.toThrow('cancelled');
    await pool.close();
  });
});

/** The documents two threads make, in the order they are handed over. */
async function collect(jobs: readonly WordJob[], shared: ReturnType<typeof wordThreads> | null = null): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const pool = shared ?? wordThreads(new AbortController().signal, 2);
  try {
    await pool.makeAll(jobs.map((job) => () => job.task), (index, made) => Promise.resolve(void files.push({ path: (jobs[index] as WordJob).path, data: made.data })));
  } finally {
    if (!shared) await pool.close();
  }
  return files;
}

/** The pool, noting each document it is asked to make. */
function spy(pool: ReturnType<typeof wordThreads>, asked: string[]): ReturnType<typeof wordThreads> {
  return {
    makeAll: (tasks, take, options) => pool.makeAll(tasks.map((task) => () => (asked.push(task().kind), task())), take, options),
    close: () => pool.close(),
    get running() {
      return pool.running;
    },
  };
}
