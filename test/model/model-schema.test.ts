import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Nodes as MdastNode } from 'mdast';
import { ladderSchema, modelJsonSchema } from '../../src/model/model-schema.js';
import type { Ladder } from '../../src/model/types.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

/** The model's types without `readonly`; mdast nodes are taken as they are. */
type DeepMutable<T> = T extends MdastNode ? T : T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

describe('model JSON Schema', () => {
  it('describes exactly the model types', () => {
    expectTypeOf<z.infer<typeof ladderSchema>>().toEqualTypeOf<DeepMutable<Ladder>>();
  });

  it('accepts the model of the example content and the kitchen sink, round-tripped through JSON', async () => {
    for (const dir of ['content', 'test/fixtures/kitchen-sink']) {
      const ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, dir));
      const result = ladderSchema.strict().safeParse(JSON.parse(JSON.stringify(ladder)));
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  it('is published as schema/model.schema.json (regenerate with vitest -u)', async () => {
    await expect(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(path.join(PROJECT_ROOT, 'schema/model.schema.json'));
  });
});
