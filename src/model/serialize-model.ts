import type { Ladder } from './types.js';

/** model.json: stable key order as built, two-space indent, trailing newline. */
export function serializeModel(ladder: Ladder): string {
  return `${JSON.stringify(ladder, null, 2)}\n`;
}
