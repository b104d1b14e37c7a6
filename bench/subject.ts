import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The ladderpress checkout being measured. */
export interface Subject {
  readonly root: string;
  readonly bin: string;
  /** `abc1234` or `abc1234 + uncommitted changes`. */
  readonly revision: string;
}

/** The checkout the bench runs from, as it is on disk (uncommitted changes included). */
export async function workingTree(root: string): Promise<Subject> {
  const head = await git(root, ['rev-parse', '--short', 'HEAD']);
  const dirty = (await git(root, ['status', '--porcelain', '--', 'src', 'bin', 'templates', 'package.json'])) !== '';
  return { root, bin: path.join(root, 'bin', 'ladderpress.js'), revision: head ? `${head}${dirty ? ' + uncommitted changes' : ''}` : 'unknown' };
}

/**
 * A frozen copy of HEAD (git archive) sharing the checkout's node_modules: the bench then measures
 * one fixed version even while people keep editing src/ — an edit mid-run would otherwise change
 * the cache's tool fingerprint and turn a no-change rebuild into a cold one.
 */
export async function snapshotOfHead(root: string, into: string): Promise<Subject> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  await run('sh', ['-c', `git -C "${root}" archive HEAD | tar -x -C "${into}"`]);
  await symlink(path.join(root, 'node_modules'), path.join(into, 'node_modules'), 'dir');
  // An archive has no dist/: without compiling, bin/ would run the sources through tsx.
  await run('npm', ['run', 'compile'], { cwd: into });
  const head = await git(root, ['rev-parse', '--short', 'HEAD']);
  const revision = `${head} (snapshot of HEAD)`;
  await writeFile(path.join(into, REVISION_FILE), revision);
  return { root: into, bin: path.join(into, 'bin', 'ladderpress.js'), revision };
}

const REVISION_FILE = '.bench-revision';

/** A checkout or an earlier snapshot given with --subject (so several sittings measure one version). */
export async function existingSubject(dir: string): Promise<Subject> {
  const revision = await readFile(path.join(dir, REVISION_FILE), 'utf8').catch(() => null);
  return revision ? { root: dir, bin: path.join(dir, 'bin', 'ladderpress.js'), revision } : workingTree(dir);
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    return (await run('git', ['-C', cwd, ...args])).stdout.trim();
  } catch {
    return '';
  }
}
