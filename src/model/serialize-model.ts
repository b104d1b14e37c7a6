import type { Article, Ladder, Level, Overview } from './types.js';

/**
 * model.json: keys in the order the model builds them, a trailing newline. Compact by default: the
 * model of a 500-level ladder keeps every node's position, and indenting it doubled its size and
 * the memory to write it. `indent` is for people (golden files, a terminal).
 */
export function serializeModel(ladder: Ladder, options: { readonly indent?: number } = {}): string {
  return `${JSON.stringify(ladder, null, options.indent)}\n`;
}

/**
 * model.json as compact `serializeModel` writes it, byte for byte, in pieces of at most one level
 * or article each: written out as it is made, never 70 MB of text at 500 levels. `onPart` sees the
 * JSON of each level, article and the overview, so render keys hash it without stringifying again.
 */
export function* modelJsonChunks(ladder: Ladder, onPart: (part: Level | Article | Overview, json: string) => void = () => {}): Generator<string> {
  const part = (value: Level | Article | Overview): string => {
    const json = JSON.stringify(value);
    onPart(value, json);
    return json;
  };
  let first = true;
  for (const [name, value] of Object.entries(ladder) as [string, unknown][]) {
    // What JSON.stringify leaves out of an object.
    if (value === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(name)}:`;
    first = false;
    if (name === 'levels' || name === 'articles') {
      yield '[';
      for (const [index, item] of (value as readonly (Level | Article)[]).entries()) yield `${index > 0 ? ',' : ''}${part(item)}`;
      yield ']';
    } else {
      yield name === 'overview' && value !== null ? part(value as Overview) : JSON.stringify(value);
    }
  }
  yield `${first ? '{' : ''}}\n`;
}
