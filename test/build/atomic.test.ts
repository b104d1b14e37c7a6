import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { FORMATS } from '../../src/formats.js';
import type { OutputFormat } from '../../src/render/output-format.js';
import { descendantsOf, isAlive } from '../robustness/process-tree.js';
import { hashTree, processesTagged, runCli, strayFolders, tempProject } from './build-fixtures.js';

describe('a failed or interrupted build leaves out/ exactly as it was', () => {
  let project = '';
  let before = new Map<string, string>();
  const out = (): string => path.join(project, 'out');
  const options = (): BuildOptions => ({
    contentDir: path.join(project, 'content'),
    outDir: out(),
    configFile: null,
    formats: null,
    strict: false,
    concurrency: 2,
    cacheDir: path.join(project, '.ladderpress-cache'),
  });

  beforeAll(async () => {
    project = await tempProject();
    const first = await build(options());
    expect(first.exitCode).toBe(0);
    before = await hashTree(out());
    expect(before.has('manifest.json')).toBe(true);
  });

  it('on a content error', async () => {
    const file = path.join(project, 'content', 'levels', 'vp.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^---\n/, '---\norder: [unclosed\n'));
    try {
      const result = await build(options());
      expect(result.exitCode).toBe(1);
      expect(result.diagnostics.errorCount).toBeGreaterThan(0);
      expect(await hashTree(out())).toEqual(before);
      expect(await strayFolders(project)).toEqual([]);
    } finally {
      await writeFile(file, original);
    }
  });

  it('on an error thrown by a renderer, keeping what was cached', async () => {
    const entries = async (): Promise<string[]> => (await readdir(path.join(project, '.ladderpress-cache', 'entries'))).sort();
    const cached = await entries();
    const failing = FORMATS.map((format): OutputFormat => {
      if (format.kind !== 'documents' || format.name !== 'docx') return format;
      return {
        ...format,
        load: async () => {
          const renderer = await format.load();
          return { plan: async (ladder, context) => (await renderer.plan(ladder, context)).map((job) => ({ ...job, key: `${job.key}!` })), render: () => Promise.reject(new Error('boom')) };
        },
      };
    });
    await expect(build({ ...options(), outputs: failing })).rejects.toThrow('boom');
    expect(await hashTree(out())).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
    expect(await entries()).toEqual(cached);
  });

  it('on Ctrl-C in the middle of printing PDFs, with no Chromium left running', async () => {
    const tag = `LADDERPRESS_TEST_TAG=${process.pid}-${Date.now()}`;
    const [name = '', value = ''] = tag.split('=');
    let sent = false;
    let interruptedChromium = 0;
    const started = new Set<number>();
    const run = await runCli(['build', '--clean'], project, { [name]: value }, (stderr, child) => {
      if (!sent && /pdf: rendering/.test(stderr)) {
        sent = true;
        // Interrupt in a known state, not after a guessed delay: once Chromium runs, so the test
        // proves the browser and everything it started — its crash handlers, in process groups of
        // their own, and the renderers, which lose the inherited environment — are ended before
        // ladderpress exits.
        const poll = setInterval(() => {
          void processesTagged(value, /chrom/i).then((pids) => {
            if (pids.length === 0 || child.exitCode !== null || interruptedChromium > 0) return;
            clearInterval(poll);
            for (const pid of pids) for (const [descendant] of descendantsOf(pid)) started.add(descendant);
            for (const pid of pids) started.add(pid);
            interruptedChromium = pids.length;
            child.kill('SIGINT');
          });
        }, 50);
        child.on('exit', () => clearInterval(poll));
      }
    });
    expect(sent).toBe(true);
    expect(interruptedChromium).toBeGreaterThan(0);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('SIGINT: stopping');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await hashTree(out())).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
    // Checked the moment ladderpress has exited, without waiting: it waits for them itself.
    expect(await processesTagged(value)).toEqual([]);
    expect([...started].filter(isAlive)).toEqual([]);
  });
});
