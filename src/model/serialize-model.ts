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
 * or article each: the build streams it to disk instead of holding 70 MB of text at 500 levels.
 */
export function* modelJsonChunks(ladder: Ladder): Generator<string> {
  yield* jsonChunks(ladder, 2);
  yield '\n';
}

/** JSON.stringify's output split at the first `depth` levels of objects and arrays. */
function* jsonChunks(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value);
    return;
  }
  // What JSON.stringify leaves out of objects and writes as null in arrays.
  const skipped = (item: unknown): boolean => item === undefined || typeof item === 'function' || typeof item === 'symbol';
  if (Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) yield ',';
      const item: unknown = value[index];
      if (skipped(item)) yield 'null';
      else yield* jsonChunks(item, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (skipped(item)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(item, depth - 1);
  }
  yield '}';
}

/**
 * The same text as `serializeModel(ladder)` (compact), made part by part so `onPart` sees the JSON
 * of each level, article and the overview: render keys hash those without stringifying them again.
 */
export function serializeModelParts(ladder: Ladder, onPart: (part: Level | Article | Overview, json: string) => void): string {
  const part = (value: Level | Article | Overview): string => {
    const json = JSON.stringify(value);
    onPart(value, json);
    return json;
  };
  const fields = Object.entries(ladder)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]: [string, unknown]) => {
      const json =
        name === 'levels' || name === 'articles'
          ? `[${(value as readonly (Level | Article)[]).map(part).join(',')}]`
          : name === 'overview' && value !== null
            ? part(value as Overview)
            : JSON.stringify(value);
      return `${JSON.stringify(name)}:${json}`;
    });
  return `{${fields.join(',')}}\n`;
}
