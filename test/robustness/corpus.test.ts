import type { FormatName as Format } from '../../src/formats.js';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { verifyOutput } from '../../src/verify/verify-output.js';
import { checkOutputInvariants } from './output-invariants.js';
import { exists, hasStackTrace, listFiles, loadCases, prepareCase, runLimited, type ExpectedDiagnostic, type RobustnessCase } from './corpus.js';

const cases = await loadCases();
const SOURCE_DATE_EPOCH = '1767225600';
const knownIssues: string[] = [];

interface JsonDiagnostic extends ExpectedDiagnostic {
  readonly column: number;
  readonly message: string;
}

/** The corpus needs at least 40 cases (issue 7); the README quotes the count. */
it('has at least 40 cases, each with an expected outcome for check and build', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const { expected } of cases) {
    expect(expected.check.exitCode).toBeTypeOf('number');
    expect(expected.build.exitCode).toBeTypeOf('number');
  }
});

describe.concurrent('robustness corpus: check and build as a user runs them', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const failures = await runCase(testCase);
    if (testCase.expected.knownIssue) {
      // A known issue is information for the lead: it must still fail, or the marker is stale.
      knownIssues.push(`${testCase.name}: ${testCase.expected.knownIssue}\n    ${failures.join('\n    ') || 'NOW PASSES: remove knownIssue'}`);
      expect(failures, `${testCase.name} passes now: remove its knownIssue`).not.toEqual([]);
      return;
    }
    expect(failures).toEqual([]);
  });
});

afterAll(() => {
  if (knownIssues.length > 0) process.stderr.write(`\nrobustness corpus, known issues (${knownIssues.length}):\n  ${knownIssues.join('\n  ')}\n`);
});

/** Runs one case through check and build; returns what differs from expected.json (empty: pass). */
async function runCase(testCase: RobustnessCase): Promise<string[]> {
  const { expected } = testCase;
  const dir = await prepareCase(testCase);
  const failures: string[] = [];
  try {
    const before = await listFiles(dir.root);
    const check = await runLimited(['check', '.', '--json'], { cwd: dir.content });
    if (hasStackTrace(check.stderr + check.stdout)) failures.push(`check printed a stack trace:\n${check.stderr.slice(0, 800)}`);
    if (check.code !== expected.check.exitCode) failures.push(`check exit ${check.code}, expected ${expected.check.exitCode}: ${check.stderr.slice(0, 400)}`);
    const reported = parseDiagnostics(check.stdout);
    if (reported === null) {
      if (expected.check.diagnostics.length > 0) failures.push(`check --json printed no JSON: ${check.stdout.slice(0, 200)} ${check.stderr.slice(0, 200)}`);
    } else {
      const ignored = new Set(expected.ignoreCodes ?? ['missing-facet']);
      const ignoredFiles = new Set(expected.ignoreFiles ?? []);
      const actual = reported.filter((d) => !ignored.has(d.code) && !ignoredFiles.has(d.file)).map((d) => key(d, expected.check.diagnostics));
      const wanted = expected.check.diagnostics.map((d) => key(d, expected.check.diagnostics));
      if (JSON.stringify(actual.sort()) !== JSON.stringify(wanted.sort())) {
        failures.push(`check diagnostics differ:\n      got      ${JSON.stringify(actual)}\n      expected ${JSON.stringify(wanted)}\n      messages ${JSON.stringify(reported.filter((d) => !ignored.has(d.code)).map((d) => d.message))}`);
      }
    }

    const formats = expected.build.formats ?? 'html,docx';
    const build = await runLimited(['build', '.', '--out', dir.out, '--only', formats, '--json'], { cwd: dir.content, env: { SOURCE_DATE_EPOCH } });
    if (hasStackTrace(build.stderr + build.stdout)) failures.push(`build printed a stack trace:\n${build.stderr.slice(0, 800)}`);
    if (build.code !== expected.build.exitCode) failures.push(`build exit ${build.code}, expected ${expected.build.exitCode}: ${build.stderr.slice(-600)}`);
    if (expected.build.exitCode === 0) {
      for (const file of expected.build.files ?? []) if (!(await exists(path.join(dir.out, file)))) failures.push(`build did not write ${file}`);
      for (const file of expected.build.absent ?? []) if (await exists(path.join(dir.out, file))) failures.push(`build wrote ${file}, which it must not`);
      const { problems, text } = await checkOutputInvariants(dir.out);
      failures.push(...problems.slice(0, 10));
      for (const wanted of expected.fidelity ?? []) {
        if (!text.html.includes(wanted)) failures.push(`"${wanted}" is missing from the HTML`);
        if (!text.docx.includes(wanted)) failures.push(`"${wanted}" is missing from the DOCX`);
      }
      // The build's own self-check, over hostile content: every text in every format, links, outlines.
      const ladder = JSON.parse(await readFile(path.join(dir.out, 'model.json'), 'utf8')) as Ladder;
      const verified = await verifyOutput(dir.out, ladder, new Set(formats.split(',') as Format[]));
      failures.push(...verified.map((problem) => `verify: ${problem.check} ${problem.file}: ${problem.message}`));
      if (/PRIVATE-OUTSIDE-TEXT/.test(text.html + text.docx)) failures.push('text of a file outside the content folder was published');
      // Every published byte, not only what a reader sees: model.json, the search index, copied assets.
      for (const file of await listFiles(dir.out)) {
        if ((await readFile(path.join(dir.out, file), 'latin1')).includes('PRIVATE-OUTSIDE-TEXT')) failures.push(`${file} holds text of a file outside the content folder`);
      }
    } else if (await exists(dir.out)) {
      failures.push('a failed build created the output folder');
    }
    const after = await listFiles(dir.root);
    const strays = after.filter((file) => !before.includes(file) && !file.startsWith('out/') && !file.startsWith('.ladderpress-cache/'));
    if (strays.length > 0) failures.push(`files written outside out/: ${strays.slice(0, 5).join(', ')}`);
  } finally {
    await rm(dir.root, { recursive: true, force: true });
  }
  return failures;
}

function parseDiagnostics(stdout: string): JsonDiagnostic[] | null {
  try {
    const parsed = JSON.parse(stdout) as { diagnostics?: JsonDiagnostic[] };
    return parsed.diagnostics ?? null;
  } catch {
    return null;
  }
}

/** `file:line code` (and column when any expectation gives one). */
function key(d: ExpectedDiagnostic, expected: readonly ExpectedDiagnostic[]): string {
  const withColumn = expected.some((e) => e.file === d.file && e.code === d.code && e.column !== undefined);
  return `${d.file}:${d.line}${withColumn ? `:${d.column}` : ''} ${d.code}`;
}
