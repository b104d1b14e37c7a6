import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelJsonChunks, serializeModel } from '../../src/model/serialize-model.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

describe('modelJsonChunks', () => {
  it.each(['content', 'test/fixtures/kitchen-sink'])('writes the bytes serializeModel writes, in pieces (%s)', async (dir) => {
    const ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, dir));
    const chunks = [...modelJsonChunks(ladder)];
    expect(chunks.join('')).toBe(serializeModel(ladder));
    expect(chunks.length).toBeGreaterThan(ladder.levels.length);
  });
});
