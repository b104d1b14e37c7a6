import { siteFromConfig } from '../../src/config/site-from-config.js';
import { configSchema } from '../../src/config/config-schema.js';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { readLadder } from '../../src/read/read-ladder.js';

/** Reads a content folder with the default config, as `ladderpress model` does. */
export async function readContent(dir: string): Promise<{ ladder: Ladder | null; diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics();
  const { ladder } = await readLadder(dir, { site: siteFromConfig(configSchema.parse({}), {}) }, diagnostics);
  return { ladder, diagnostics };
}

/** Like readContent, but fails the test when the ladder cannot be read. */
export async function readLadderOrThrow(dir: string): Promise<Ladder> {
  const { ladder, diagnostics } = await readContent(dir);
  if (!ladder) throw new Error(`could not read ${dir}: ${diagnostics.all.map((d) => d.message).join('; ')}`);
  return ladder;
}
