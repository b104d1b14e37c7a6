import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { siteFromConfig } from '../../src/config/site-from-config.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { serializeModel } from '../../src/model/serialize-model.js';
import { readLadder } from '../../src/read/read-ladder.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

describe('parsing on all cores', () => {
  it('gives byte-identical models and the same diagnostics as parsing on one thread', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-pool-'));
    await mkdir(path.join(dir, 'levels'));
    const template = await readFile(path.join(PROJECT_ROOT, 'content/levels/manager.md'), 'utf8');
    for (let index = 0; index < 60; index += 1) {
      const text = template.replace(/^order: \d+/m, `order: ${index}`).replace(/^# .*$/m, `# Level ${index}`);
      await writeFile(path.join(dir, 'levels', `level-${index}.md`), index === 7 ? text.replace(/^order: \d+/m, 'order: seven') : text);
    }
    const site = siteFromConfig(configSchema.parse({}), {});
    const read = async (threads: number) => {
      const diagnostics = new Diagnostics();
      const { ladder } = await readLadder(dir, { site, threads }, diagnostics);
      return { ladder, diagnostics: diagnostics.all };
    };
    const [single, pooled] = [await read(1), await read(2)];
    expect(pooled.diagnostics).toEqual(single.diagnostics);
    expect(single.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
    await writeFile(path.join(dir, 'levels', 'level-7.md'), template.replace(/^# .*$/m, '# Level 7'));
    const [fixedSingle, fixedPooled] = [await read(1), await read(2)];
    expect(fixedSingle.ladder?.levels).toHaveLength(60);
    expect(serializeModel(fixedPooled.ladder as NonNullable<typeof fixedPooled.ladder>)).toBe(serializeModel(fixedSingle.ladder as NonNullable<typeof fixedSingle.ladder>));
  });
});

describe('the time budget per document', () => {
  it('stops a document that parses too long, reports it, and still reads the others', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-budget-'));
    await mkdir(path.join(dir, 'levels'));
    const level = await readFile(path.join(PROJECT_ROOT, 'content/levels/manager.md'), 'utf8');
    await writeFile(path.join(dir, 'levels', 'small.md'), level);
    // Within every input limit, yet many thousands of link definitions take micromark seconds.
    const big = `${level}\n\n${Array.from({ length: 20_000 }, (_, index) => `[r${index}]: https://example.com/${index}\n\n[r${index}]`).join('\n\n')}\n`;
    expect(big.length).toBeGreaterThan(100_000);
    expect(big.length).toBeLessThan(1_000_000);
    await writeFile(path.join(dir, 'levels', 'big.md'), big.replace(/^# .*$/m, '# Big Level').replace(/^order: \d+/m, 'order: 1'));
    const site = siteFromConfig(configSchema.parse({}), {});
    const read = async (timeoutMs: number) => {
      const diagnostics = new Diagnostics();
      const { ladder } = await readLadder(dir, { site, timeoutMs }, diagnostics);
      return { ladder, diagnostics: diagnostics.all.filter((d) => d.severity === 'error') };
    };
    const hurried = await read(2_000);
    expect(hurried.ladder).toBeNull();
    expect(hurried.diagnostics.map((d) => [path.basename(d.file), d.code])).toEqual([['big.md', 'document-timeout']]);
    const patient = await read(120_000);
    expect(patient.diagnostics).toEqual([]);
    expect(patient.ladder?.levels.map((l) => l.slug).sort()).toEqual(['big', 'small']);
  });
});
