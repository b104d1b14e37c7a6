import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadder } from '../../src/index.js';
import { ladderSchema } from '../../src/model/model-schema.js';
import { serializeModel } from '../../src/model/serialize-model.js';
import { runCli } from '../helpers/run-cli.js';

async function contentWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-cli-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('ladderpress check', () => {
  it('is clean on the example content', async () => {
    const result = await runCli(['check', 'content']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe('ok: 5 levels, 3 articles, overview\n');
  });

  it('prints file:line:col  severity  message  code, with a hint, and exits 1 on errors', async () => {
    const dir = await contentWith({ 'levels/vp.md': '---\norder: first\n---\n\n# VP\n' });
    const result = await runCli(['check', dir]);
    expect(result.code).toBe(1);
    const file = path.relative(process.cwd(), path.join(dir, 'levels/vp.md'));
    expect(result.stderr).toContain(`${file}:2:1  error  Front matter "order" must be a number  invalid-front-matter`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/1 error, \d+ warnings\n$/);
  });

  it('--json prints every diagnostic for machines', async () => {
    const result = await runCli(['check', 'test/fixtures/kitchen-sink', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; errors: number; warnings: number; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string; hint: string | null }[] };
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(report.diagnostics[0]).toEqual({
      file: 'test/fixtures/kitchen-sink/index.md',
      line: 20,
      column: 5,
      severity: 'warning',
      code: 'unresolved-link',
      message: 'Link "/career-ladder/missing" does not point at a level, article or the overview',
      hint: expect.stringContaining('/career-ladder/director') as unknown as string,
    });
  });

  it("writes nothing in a project never built; once a build made the read cache, keeps what it read there, and a second check gives the same report from it", async () => {
    // A project without node_modules keeps its cache beside out/ (.ladderpress-cache): only there is it visible to this test.
    const project = await contentWith({ 'content/levels/vp.md': '# VP\n\nSee [the missing page](/career-ladder/missing).\n' });
    const unbuilt = await runCli(['check', 'content', '--json'], { cwd: project });
    expect(unbuilt.code).toBe(0);
    expect(await readdir(project)).not.toContain('.ladderpress-cache');
    // A build makes the cache folder (as any build before a check would).
    await mkdir(path.join(project, '.ladderpress-cache'));
    const first = await runCli(['check', 'content', '--json'], { cwd: project });
    expect(first).toEqual(unbuilt);
    expect(await readdir(path.join(project, '.ladderpress-cache'))).toEqual(expect.arrayContaining(['models', 'parsed']));
    const second = await runCli(['check', 'content', '--json'], { cwd: project });
    expect(second).toEqual(first);
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, warnings: expect.any(Number) as unknown as number });
    expect((JSON.parse(second.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain('unresolved-link');
  });

  it('--strict fails on warnings', async () => {
    expect((await runCli(['check', 'test/fixtures/kitchen-sink', '--strict'])).code).toBe(1);
  });

  it('a missing content folder is an error, not a crash', async () => {
    const result = await runCli(['check', 'no-such-folder']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no-such-folder:1:1  error  Content folder not found  content-missing');
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const result = await runCli(['check', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });
});

describe('ladderpress model', () => {
  it('prints the model as JSON that the published schema accepts', async () => {
    const result = await runCli(['model', 'content']);
    expect(result.code).toBe(0);
    const model = ladderSchema.strict().parse(JSON.parse(result.stdout));
    expect(model.levels.map((level) => level.slug)).toEqual(['engineer', 'senior-engineer', 'manager', 'director', 'vp']);
    expect(model.articles.map((article) => [article.slug, article.levels])).toEqual([
      ['director-of-engineering', ['director']],
      ['first-time-manager', ['manager']],
      ['senior-engineer-impact', ['senior-engineer']],
    ]);
  });

  it('writes, a level at a time, the bytes of the model serialised whole', async () => {
    const [result, { ladder }] = await Promise.all([runCli(['model', 'content']), readLadder({ content: 'content' })]);
    expect(ladder).not.toBeNull();
    expect(result.stdout).toBe(serializeModel(ladder as NonNullable<typeof ladder>));
  });

  it('prints nothing on stdout when the content has errors', async () => {
    const dir = await contentWith({ 'levels/a.md': '# A\n\n# B\n' });
    const result = await runCli(['model', dir]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
  });
});

describe('ladderpress model | head', () => {
  it('stops quietly when the reader closes the pipe', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(process.cwd(), 'bin/ladderpress.js'), 'model', 'content'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
