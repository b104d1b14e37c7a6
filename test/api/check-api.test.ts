import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const collision = path.join(PROJECT_ROOT, 'test/robustness/cases/output-name-collision');

/** The typed API's `check` is `ladderpress check --json`: the same problems, the same verdict. */
describe('check() from the package entry', () => {
  it('reports what the command reports, output names that collide included', async () => {
    const result = await check({ content: collision });
    let printed = '';
    try {
      printed = execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'bin/ladderpress.js'), 'check', collision, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      printed = String((error as { stdout?: string }).stdout ?? '');
    }
    const command = JSON.parse(printed) as { ok: boolean; diagnostics: { code: string; file: string }[] };
    expect(result.ok).toBe(false);
    expect(result.ok).toBe(command.ok);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(command.diagnostics.map((d) => `${d.file} ${d.code}`));
    // Files are shown relative to the working folder, as the command shows them.
    expect(result.diagnostics.filter((d) => d.code === 'output-name-collision').map((d) => path.relative(collision, path.resolve(d.file ?? ''))).sort()).toEqual(['levels/director-job-description.md', 'levels/lead-profile.md']);
  });

  it('passes clean content', async () => {
    const result = await check({ content: path.join(PROJECT_ROOT, 'content'), strict: false });
    expect(result.errors).toBe(0);
    expect(result.ok).toBe(true);
  });
});
