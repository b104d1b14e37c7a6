import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { runBench } from '../../bench/run.js';

const run = promisify(execFile);

// The bench's smoke run, so it cannot rot: the generator and the ladderpress part of the runner at
// N = 5, once, no peers and no network. No timing assertions: CI machines vary too much.
describe('bench smoke (N = 5, ladderpress only, one run)', () => {
  let root = '';
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('generates a deterministic corpus that ladderpress reads without a single warning', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-bench-'));
    const first = await generateCorpus(path.join(root, 'a'), 5);
    const second = await generateCorpus(path.join(root, 'b'), 5);
    expect(first.levels).toHaveLength(5);
    expect(first.articles).toHaveLength(1);
    for (const [i, file] of first.levels.entries()) {
      const text = await readFile(file, 'utf8');
      expect(text).toBe(await readFile(second.levels[i] ?? '', 'utf8'));
      expect(text.length).toBeGreaterThan(8_000);
      expect(text).toMatch(/^---\nicon: \w+\nexpanded: false\norder: \d+\nlabel: Level \d+\nbreadcrumb: true\n---\n\n# /);
    }
    const { stdout } = await run('node', ['bin/ladderpress.js', 'check', '--strict', '--json', first.dir]);
    const report = JSON.parse(stdout) as { ok: boolean; errors: number; warnings: number };
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 0 });
  });

  // About 20 s on an idle 2-core machine; the generous timeout is for CI runners shared with other jobs.
  it('runs every ladderpress scenario once and writes RESULTS.md', { timeout: 300_000 }, async () => {
    root ||= await mkdtemp(path.join(os.tmpdir(), 'ladderpress-bench-'));
    const results = path.join(root, 'RESULTS.md');
    const result = await runBench({
      sizes: [5],
      runs: [1],
      groups: new Set(['ladderpress']),
      install: false,
      seed: 1,
      root,
      results,
      log: () => {},
    });
    const [size] = result.sizes;
    expect(size?.quality.checkOk).toBe(true);
    const ids = size?.scenarios.map((scenario) => scenario.id);
    expect(ids).toEqual(['lp-html-docx', 'lp-pdf', 'lp-cold', 'lp-edit', 'lp-nochange', 'lp-model', 'lp-html', 'lp-docx', 'lp-version']);
    for (const scenario of size?.scenarios ?? []) {
      expect(scenario.summary.errors, scenario.id).toEqual([]);
      expect(scenario.summary.ok, scenario.id).toBe(1);
      expect(scenario.summary.medianMs, scenario.id).toBeGreaterThan(0);
      // Start-up is timed without the RSS preload, like its peer `node -e 0`.
      if (scenario.id !== 'lp-version') expect(scenario.summary.nodeRssKb, scenario.id).toBeGreaterThan(10_000);
    }
    for (const row of size?.quality.fidelity ?? []) {
      for (const format of ['html', 'pdf', 'docx']) expect(row.found[format], `${row.slug} ${format}`).toMatch(/^(\d+)\/\1$/);
    }
    const markdown = await readFile(results, 'utf8');
    expect(markdown).toContain('## N = 5 (5 role docs + 1 articles');
    expect(markdown).toMatch(/\| ladderpress full cold build \| \d+\.\d\d \|/);
    expect(JSON.parse(await readFile(results.replace(/\.md$/, '.json'), 'utf8'))).toHaveProperty('sizes.0.n', 5);
  });
});
