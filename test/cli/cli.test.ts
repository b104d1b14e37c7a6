import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reportInternalError } from '../../src/commands/report-internal-error.js';
import { exists, hashTree, processesTagged, PROJECT_ROOT, runCli, strayFolders, tempProject } from '../build/build-fixtures.js';

describe('ladderpress CLI', () => {
  let project = '';
  beforeAll(async () => {
    project = await tempProject('ladderpress-cli-');
  });

  it('explains itself with --help', async () => {
    const top = await runCli(['--help'], project);
    expect(top.code).toBe(0);
    for (const command of ['build', 'dev', 'check', 'model']) expect(top.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(top.stdout).toContain('Exit codes: 0 ok, 1 content errors, 2 usage or config errors, 3 environment');
    const version = await runCli(['--version'], project);
    expect([version.code, version.stdout.trim()]).toEqual([0, (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version]);
    const buildHelp = await runCli(['build', '--help'], project);
    expect(buildHelp.code).toBe(0);
    for (const option of ['--only <formats>', '--level <slug>', '--out <dir>', '--config <file>', '--concurrency <n>', '--clean', '--strict', '--json']) {
      expect(buildHelp.stdout).toContain(option);
    }
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['build', '--bogus'], /unknown option '--bogus'/],
      [['build', '--only', 'html,epub'], /unknown format epub in --only/],
      [['build', '--concurrency', 'many'], /--concurrency must be a whole number/],
      [['build', '--only', 'html', '--level', 'cto'], /unknown level cto in --level \(levels: engineer, senior-engineer, manager, director, vp\)/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      // The output folder is replaced whole: never the content, the project, or a stranger's folder.
      [['build', '--only', 'html', '--out', 'content'], /the output folder content would replace content/],
      [['build', '--only', 'html', '--out', '.'], /the output folder \. would replace a folder containing content/],
      [['build', '--only', 'html', '--out', 'content/site'], /inside the content folder content/],
      [['build', '--only', 'html', '--out', 'notes'], /holds files ladderpress did not write/],
    ];
    const json = await runCli(['build', '--json', '--bogus'], project);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 2, error: "unknown option '--bogus'" });
    await mkdir(path.join(project, 'notes'), { recursive: true });
    await writeFile(path.join(project, 'notes', 'todo.txt'), 'keep me');
    const contentBefore = await hashTree(path.join(project, 'content'));
    for (const [args, message] of cases) {
      const run = await runCli(args, project);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
    }
    expect(await exists(path.join(project, 'out'))).toBe(false);
    expect(await hashTree(path.join(project, 'content'))).toEqual(contentBefore);
    expect(await readFile(path.join(project, 'notes', 'todo.txt'), 'utf8')).toBe('keep me');
  });

  it('builds with exit 0 and prints one JSON object with --json', async () => {
    const run = await runCli(['build', '--only', 'html', '--json'], project);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['ok', 'exitCode', 'errors', 'warnings', 'diagnostics', 'verify', 'files', 'stats']);
    expect(result['verify']).toBeNull();
    expect(result['ok']).toBe(true);
    expect(result['exitCode']).toBe(0);
    const files = result['files'] as { path: string; bytes: number; sha256: string; status: string }[];
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['index.html', 'model.json', 'vp.html']));
    for (const file of files) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.bytes).toBe((await readFile(path.join(project, 'out', file.path))).byteLength);
    }
    const stats = result['stats'] as { levels: number; stages: Record<string, { state: string }> };
    expect(stats.levels).toBe(5);
    expect(stats.stages['pdf']?.state).toBe('skipped');
    expect(stats.stages['html']?.state).toBe('done');
    // Progress went to stderr, not into the JSON.
    expect(run.stderr).toMatch(/html: \d+ files/);
  });

  it('exits 1 on content errors, prints file:line:col diagnostics without a stack, and writes nothing', async () => {
    const before = await hashTree(path.join(project, 'out'));
    const file = path.join(project, 'content', 'levels', 'manager.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^order: .*$/m, 'order: "first"'));
    try {
      const run = await runCli(['build', '--only', 'html'], project);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/content\/levels\/manager\.md:\d+:\d+ {2}error {2}.*order.* {2}invalid-front-matter/);
      expect(run.stderr).toContain('nothing written');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      const json = await runCli(['build', '--only', 'html', '--json'], project);
      expect(json.code).toBe(1);
      const parsed = JSON.parse(json.stdout) as { ok: boolean; diagnostics: { file: string; line: number; code: string; severity: string }[] };
      expect(parsed.ok).toBe(false);
      expect(parsed.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ file: 'content/levels/manager.md', code: 'invalid-front-matter', severity: 'error' });
      expect(await hashTree(path.join(project, 'out'))).toEqual(before);
    } finally {
      await writeFile(file, original);
    }
  });

  it('exits 1 on warnings with --strict', async () => {
    const file = path.join(project, 'content', 'levels', 'vp.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^icon: .*$/m, 'icon: not-an-octicon'));
    try {
      expect((await runCli(['check'], project)).code).toBe(0);
      const run = await runCli(['build', '--only', 'html', '--strict'], project);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/warning {2}.*unknown-icon/);
    } finally {
      await writeFile(file, original);
    }
  });

  it('exits 3 when no browser can print the PDFs, and still publishes the site and Word documents', async () => {
    const run = await runCli(['build', '--json'], project, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(run.code).toBe(3);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; exitCode: number; error: string; files: { path: string }[] };
    expect(parsed).toMatchObject({ ok: false, exitCode: 3 });
    expect(parsed.error).toContain('No Chrome or Chromium found');
    const paths = parsed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['index.html', 'vp.docx', 'ladder.docx']));
    expect(paths.filter((p) => p.endsWith('.pdf'))).toEqual([]);
    // The checklists are printed too: left out whole, their Word files with them, and not offered.
    expect(paths.filter((p) => p.includes('-checklist.'))).toEqual([]);
    // The site does not offer the PDFs it could not print.
    expect(await readFile(path.join(project, 'out', 'vp.html'), 'utf8')).not.toMatch(/href="[^"]*\.pdf"/);
    expect(await strayFolders(project)).toEqual([]);
  });

  it('exits 3 without publishing when a PDF takes longer than the limit, and leaves no Chromium behind', async () => {
    await runCli(['build', '--only', 'html', '--quiet'], project);
    const before = await hashTree(path.join(project, 'out'));
    await writeFile(path.join(project, 'slow.config.json'), JSON.stringify({ limits: { documentTimeoutMs: 1 } }));
    const tag = `${process.pid}-timeout-${Date.now()}`;
    const run = await runCli(['build', '--clean', '--config', 'slow.config.json', '--json'], project, { LADDERPRESS_TEST_TAG: tag });
    expect(run.code).toBe(3);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; exitCode: number; error: string };
    expect(parsed).toMatchObject({ ok: false, exitCode: 3 });
    expect(parsed.error).toMatch(/took longer than 1 ms.*limits\.documentTimeoutMs.*Nothing was written\./);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await hashTree(path.join(project, 'out'))).toEqual(before);
    expect(await strayFolders(project)).toEqual([]);
    expect(await processesTagged(tag)).toEqual([]);
  });

  it('reads the output back with --verify (the default in CI) and publishes nothing when a check fails', async () => {
    const inCi = await runCli(['build', '--only', 'html,docx', '--json'], project, { CI: 'true' });
    expect(inCi.code).toBe(0);
    const parsed = JSON.parse(inCi.stdout) as { verify: unknown[]; stats: { stages: { verify: { state: string } } } };
    expect(parsed.verify).toEqual([]);
    expect(parsed.stats.stages.verify.state).toBe('done');
    expect(JSON.parse((await runCli(['build', '--only', 'html', '--json', '--no-verify'], project, { CI: 'true' })).stdout)).toMatchObject({ verify: null });

    // --level keeps the other levels' documents from the previous output; with none, they are missing.
    const fresh = await tempProject('ladderpress-verify-');
    const run = await runCli(['build', '--only', 'html,docx', '--level', 'manager', '--verify'], fresh);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/out\/vp\.docx {2}error {2}Not in the output {2}verify:missing-file/);
    expect(run.stderr).toContain('it was not published');
    expect(await exists(path.join(fresh, 'out'))).toBe(false);
    expect(await strayFolders(fresh)).toEqual([]);
  });

  it('reports config errors with their position and exit 2', async () => {
    await writeFile(path.join(project, 'broken.config.json'), '{ "paper": "A5" }');
    const run = await runCli(['build', '--config', 'broken.config.json'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.config\.json:1:3 {2}error {2}Config "paper" .* {2}invalid-config/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('internal errors', () => {
  const capture = (env: NodeJS.ProcessEnv): { code: number; text: string } => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = reportInternalError(new Error('renderer exploded\nsecond line'), env);
      return { code, text: write.mock.calls.map(([chunk]) => String(chunk)).join('') };
    } finally {
      write.mockRestore();
    }
  };

  it('are one line and a request to report, with the stack only under DEBUG=ladderpress', () => {
    const plain = capture({});
    expect(plain.code).toBe(70);
    expect(plain.text).toBe('ladderpress: internal error: renderer exploded\nThis is a bug in ladderpress, please report it (run with DEBUG=ladderpress for details).\n');
    const debug = capture({ DEBUG: 'ladderpress' });
    expect(debug.text).toMatch(/^ladderpress: internal error: renderer exploded\nError: renderer exploded\nsecond line\n\s+at /);
    expect(capture({ DEBUG: 'express' }).text).not.toMatch(/\s+at /);
  });
});
