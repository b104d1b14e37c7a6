import { appendFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import type { Progress } from '../../src/progress/progress.js';
import { tempProject } from './build-fixtures.js';

/**
 * A content file saved while the build runs (an editor, a git checkout): the build says which file,
 * and the next build runs again instead of taking out/ — made from the text before the edit — as up
 * to date. The edit lands deterministically, when the build reports its first rendering stage.
 */
describe('a content file changed while the build reads it', () => {
  let project = '';
  const vp = (): string => path.join(project, 'content', 'levels', 'vp.md');
  const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
    contentDir: path.join(project, 'content'),
    outDir: path.join(project, 'out'),
    cacheDir: path.join(project, 'cache'),
    configFile: null,
    formats: ['html'],
    strict: false,
    concurrency: 1,
    ...extra,
  });
  /** Appends to vp.md once, the moment the HTML stage starts. */
  const editingProgress = (): Progress => {
    let edited = false;
    return {
      update(stats, stage) {
        if (edited || stage !== 'html' || stats.stages.html.state !== 'running') return;
        // Synchronously, so the edit has landed before the build goes on.
        appendFileSync(vp(), '\nA line saved during the build.\n');
        edited = true;
      },
      stop() {},
    };
  };

  beforeAll(async () => {
    project = await tempProject('ladderpress-changed-');
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('publishes with a warning naming the file, and the next build is not "up to date"', async () => {
    const first = await build(options({ progress: editingProgress() }));
    expect(first.exitCode).toBe(0);
    const warnings = first.diagnostics.all.filter((d) => d.code === 'changed-during-build');
    expect(warnings.map((d) => path.basename(d.file))).toEqual(['vp.md']);

    const second = await build(options());
    expect(second.stats.upToDate).toBe(false);
    expect(second.diagnostics.all.map((d) => d.code)).not.toContain('changed-during-build');
    const third = await build(options());
    expect(third.stats.upToDate).toBe(true);
  });

  it('with --strict, publishes nothing and fails', async () => {
    const outcome = await build(options({ strict: true, outDir: path.join(project, 'out-strict'), progress: editingProgress() }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.files).toEqual([]);
  });
});
