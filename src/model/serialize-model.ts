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
