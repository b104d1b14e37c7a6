import { cp, mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { generators } from './generate-cases.js';

export const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/** One diagnostic a case expects: where and which code (column only when it matters). */
export interface ExpectedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly column?: number;
}

/** `cases/<name>/expected.json`: the outcome of `check` and `build` for the case's content. */
export interface Expected {
  readonly description: string;
  /** What kind of hostile input the case is (front matter, encoding, security…), for the README figures. */
  readonly class: string;
  /** A generator in generate-cases.ts that adds what cannot be committed (megabytes, bad bytes, symlinks). */
  readonly generate?: string;
  /** Set when the tool does not yet do what the case expects: reported apart, not failed. */
  readonly knownIssue?: string;
  /** Codes left out of the comparison (default: missing-facet, which every minimal level has). */
  readonly ignoreCodes?: readonly string[];
  /** Files whose diagnostics are left out (the shared base level, when a case lists its own warnings). */
  readonly ignoreFiles?: readonly string[];
  /** Texts that must survive into every format built. */
  readonly fidelity?: readonly string[];
  readonly check: { readonly exitCode: number; readonly diagnostics: readonly ExpectedDiagnostic[] };
  readonly build: {
    readonly exitCode: number;
    /** --only for the build (default html,docx: PDFs are slow; a handful of cases print them). */
    readonly formats?: string;
    readonly files?: readonly string[];
    readonly absent?: readonly string[];
  };
}

export interface RobustnessCase {
  readonly name: string;
  readonly expected: Expected;
}

export async function loadCases(): Promise<RobustnessCase[]> {
  const names = (await readdir(CASES_DIR)).sort();
  return Promise.all(names.map(async (name) => ({ name, expected: JSON.parse(await readFile(path.join(CASES_DIR, name, 'expected.json'), 'utf8')) as Expected })));
}

/** A temporary copy of the case: `<root>/content` (the cwd of every run) and `<root>/out`. */
export interface PreparedCase {
  readonly root: string;
  readonly content: string;
  readonly out: string;
}

export async function prepareCase(testCase: RobustnessCase): Promise<PreparedCase> {
  const root = await mkdtemp(path.join(os.tmpdir(), `ladderpress-robust-${testCase.name}-`));
  const content = path.join(root, 'content');
  await cp(path.join(CASES_DIR, testCase.name), content, { recursive: true, filter: (source) => path.basename(source) !== 'expected.json' });
  await mkdir(path.join(content, 'levels'), { recursive: true });
  const generate = testCase.expected.generate;
  if (generate) {
    const generator = generators[generate];
    if (!generator) throw new Error(`${testCase.name}: no generator "${generate}"`);
    await generator(content);
  }
  return { root, content, out: path.join(root, 'out') };
}

/** Runs the real CLI in the content folder, a few at a time: the machine has two cores. */
export async function runLimited(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  await slots.acquire();
  try {
    return await runCli(args, options);
  } finally {
    slots.release();
  }
}

class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(size: number) {
    this.#free = size;
  }
  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}

const slots = new Semaphore(3);

/** Every file under a folder, relative POSIX paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** A Node or V8 stack trace in user-facing output: what a user must never see. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at (file|node):/m.test(text);
}
