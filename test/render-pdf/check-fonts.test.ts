import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { checkFonts } from '../../src/render/pdf/check-fonts.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const kitchenSink = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
const savedPath = process.env['PATH'];

/** Puts a fake `fc-list` first on PATH that prints `output` and logs its arguments to `log`. */
async function fakeFcList(output: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-fc-'));
  const log = path.join(dir, 'calls.log');
  await writeFile(path.join(dir, 'fc-list'), `#!/bin/sh\necho "$@" >> '${log}'\nprintf '%s' '${output}'\n`);
  await chmod(path.join(dir, 'fc-list'), 0o755);
  process.env['PATH'] = `${dir}${path.delimiter}${savedPath ?? ''}`;
  return log;
}

afterEach(() => {
  process.env['PATH'] = savedPath;
});

describe('checkFonts', () => {
  it('warns, with the file, position and package to install, when no font has a script the content uses', async () => {
    await fakeFcList('');
    const diagnostics = new Diagnostics();
    await checkFonts(await readLadderOrThrow(kitchenSink), diagnostics);
    const warnings = diagnostics.all.filter((d) => d.code === 'missing-font');
    expect(warnings.map((d) => d.message)).toEqual([
      expect.stringContaining('CJK'),
      expect.stringContaining('Arabic'),
      expect.stringContaining('emoji'),
    ]);
    expect(warnings.every((d) => d.severity === 'warning' && d.file.endsWith('.md') && d.line > 1)).toBe(true);
    expect(warnings[0]?.hint).toContain('fonts-noto-cjk');
    expect(warnings[2]?.hint).toContain('fonts-noto-color-emoji');
  });

  it('asks fontconfig once per script used, and says nothing when a font covers it', async () => {
    const log = await fakeFcList('Noto Sans CJK SC\n');
    const diagnostics = new Diagnostics();
    await checkFonts(await readLadderOrThrow(kitchenSink), diagnostics);
    expect(diagnostics.all).toEqual([]);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('does not run fontconfig for Latin-only content', async () => {
    const log = await fakeFcList('');
    const diagnostics = new Diagnostics();
    await checkFonts(await readLadderOrThrow(path.join(PROJECT_ROOT, 'content')), diagnostics);
    expect(diagnostics.all).toEqual([]);
    await expect(readFile(log, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
