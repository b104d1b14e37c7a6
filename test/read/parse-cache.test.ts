import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { siteFromConfig } from '../../src/config/site-from-config.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { modelJsonChunks, serializeModel } from '../../src/model/serialize-model.js';
import { readLadder, type ParseCache } from '../../src/read/read-ladder.js';
import { parseCache } from '../../src/write/parse-cache.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

describe('the per-document parse cache', () => {
  it('gives the same model and diagnostics (with positions) as parsing, and parses only what changed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-parse-cache-'));
    await cp(path.join(PROJECT_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
    const content = path.join(dir, 'content');
    const manager = path.join(content, 'levels', 'manager.md');
    const site = siteFromConfig(configSchema.parse({}), {});
    let misses = 0;
    const counted = (cache: ParseCache): ParseCache => ({
      ...cache,
      get: async (tasks) => {
        const found = await cache.get(tasks);
        misses += found.filter((json) => json === null).length;
        return found;
      },
    });
    const read = async (cached: boolean) => {
      const diagnostics = new Diagnostics();
      const options = { site, ...(cached ? { parseCache: counted(parseCache(path.join(dir, 'cache'), 'test', true)) } : {}) };
      const { ladder } = await readLadder(content, options, diagnostics);
      return { model: ladder && serializeModel(ladder), diagnostics: diagnostics.all };
    };
    const plain = await read(false);
    expect(plain.model).not.toBeNull();
    const cold = await read(true);
    const documents = misses;
    expect(documents).toBeGreaterThan(3);
    const warm = await read(true);
    expect(misses).toBe(documents);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);

    await writeFile(manager, `${await readFile(manager, 'utf8')}\nOne more line.\n`);
    const edited = await read(true);
    expect(misses).toBe(documents + 1);
    misses = 0;
    expect(edited).toEqual(await read(false));

    // A problem the parse itself finds, at a position inside the file: the same from the cache.
    const director = path.join(content, 'levels', 'director.md');
    await writeFile(director, (await readFile(director, 'utf8')).replace(/^order: .*$/m, 'order: seven'));
    const broken = await read(false);
    expect(broken.model).toBeNull();
    expect(broken.diagnostics.some((d) => d.file.endsWith('director.md') && d.severity === 'error' && d.line > 1)).toBe(true);
    expect(await read(true)).toEqual(broken);
    expect(await read(true)).toEqual(broken);
    expect(misses).toBe(1);
  });

  it('model.json made part by part is the same text', async () => {
    const site = siteFromConfig(configSchema.parse({}), {});
    const { ladder } = await readLadder(path.join(PROJECT_ROOT, 'content'), { site }, new Diagnostics());
    if (!ladder) throw new Error('the example content does not read');
    const parts: unknown[] = [];
    expect([...modelJsonChunks(ladder, (part) => parts.push(part))].join('')).toBe(serializeModel(ladder));
    expect(parts).toHaveLength(ladder.levels.length + ladder.articles.length + (ladder.overview ? 1 : 0));
  });
});
