import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const run = promisify(execFile);

/**
 * The real bin/ladderpress.js beside a stand-in dist/cli.js and src/cli.ts that say which one ran,
 * so the choice between compiled and source code is observed, not assumed.
 */
describe('bin/ladderpress.js runs the compiled CLI only when it is current', () => {
  let root: string;
  const older = new Date('2026-01-01T00:00:00Z');
  const newer = new Date('2026-01-02T00:00:00Z');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-bin-'));
    await mkdir(path.join(root, 'bin'));
    await mkdir(path.join(root, 'dist'));
    await mkdir(path.join(root, 'src', 'read'), { recursive: true });
    await copyFile(path.join(PROJECT_ROOT, 'bin/ladderpress.js'), path.join(root, 'bin/ladderpress.js'));
    await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    await writeFile(path.join(root, 'dist/cli.js'), 'export async function main() { process.stdout.write("compiled"); return 0; }\n');
    await writeFile(path.join(root, 'src/cli.ts'), 'export async function main(): Promise<number> { process.stdout.write("source"); return 0; }\n');
    await writeFile(path.join(root, 'src/read/any.ts'), 'export {};\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const ran = async (): Promise<string> => (await run(process.execPath, [path.join(root, 'bin/ladderpress.js')])).stdout;

  it('runs dist/ when it is newer than every source file', async () => {
    await utimes(path.join(root, 'src/cli.ts'), older, older);
    await utimes(path.join(root, 'src/read/any.ts'), older, older);
    await utimes(path.join(root, 'dist/cli.js'), newer, newer);
    expect(await ran()).toBe('compiled');
  });

  it('reads the bundle’s source maps only when asked for details (DEBUG), so traces name src/ files', async () => {
    await writeFile(path.join(root, 'dist/cli.js'), 'export async function main() { process.stdout.write(String(process.sourceMapsEnabled)); return 0; }\n');
    await utimes(path.join(root, 'dist/cli.js'), newer, newer);
    const withDebug = async (debug: string | null): Promise<string> => {
      const env = { ...process.env };
      delete env['DEBUG'];
      if (debug !== null) env['DEBUG'] = debug;
      return (await run(process.execPath, [path.join(root, 'bin/ladderpress.js')], { env })).stdout;
    };
    expect(await withDebug('ladderpress')).toBe('true');
    expect(await withDebug(null)).toBe('false');
  });

  it('runs the sources through tsx when any source file (at any depth) was edited after compiling', async () => {
    await utimes(path.join(root, 'dist/cli.js'), older, older);
    await utimes(path.join(root, 'src/read/any.ts'), newer, newer);
    expect(await ran()).toBe('source');
  });

  it('runs the sources when there is no dist/ at all', async () => {
    await rm(path.join(root, 'dist'), { recursive: true });
    expect(await ran()).toBe('source');
  });
});
