import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeModel } from '../../src/model/serialize-model.js';
import { readContent } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

describe('golden models (regenerate with `npx vitest run -u`, review the diff)', () => {
  for (const [name, dir] of [
    ['content', 'content'],
    ['kitchen-sink', 'test/fixtures/kitchen-sink'],
  ] as const) {
    it(`${name}/ → ${name}.model.json`, async () => {
      const { ladder, diagnostics } = await readContent(path.join(PROJECT_ROOT, dir));
      expect(diagnostics.errorCount).toBe(0);
      await expect(serializeModel(ladder as NonNullable<typeof ladder>, { indent: 2 })).toMatchFileSnapshot(path.join(PROJECT_ROOT, 'test/golden', `${name}.model.json`));
    });
  }

  it('the example content reads without a single warning', async () => {
    const { diagnostics } = await readContent(path.join(PROJECT_ROOT, 'content'));
    expect(diagnostics.all.map((d) => `${path.basename(d.file)}:${d.line} ${d.code}`)).toEqual([]);
  });

  it('the kitchen sink warns about exactly its deliberately broken link', async () => {
    const { diagnostics } = await readContent(path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'));
    expect(diagnostics.all.map((d) => `${d.file.split(path.sep).slice(-1)[0]}:${d.line}:${d.column} ${d.code}`)).toEqual(['index.md:20:5 unresolved-link']);
  });
});
