import type { Ladder } from './types.js';

/**
 * model.json: keys in the order the model builds them, a trailing newline. Compact by default: the
 * model of a 500-level ladder keeps every node's position, and indenting it doubled its size and
 * the memory to write it. `indent` is for people (golden files, a terminal).
 */
export function serializeModel(ladder: Ladder, options: { readonly indent?: number } = {}): string {
  return `${JSON.stringify(ladder, null, options.indent)}\n`;
}
