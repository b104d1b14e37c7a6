/** A level as the detector sees it: the names it goes by. */
export interface NamedLevel {
  readonly slug: string;
  readonly names: readonly string[];
}

/**
 * Finds the levels an article discusses by counting how often each level is named, longest names
 * first so "Senior Engineer" is not also counted as "Engineer". A one-word name written in lower case
 * ("the engineer who…") is often just a noun, so it counts half. Levels scoring at least 2 and at
 * least half the best score relate. Returns slugs in the given (ladder) order.
 */
export function detectRelatedLevels(text: string, levels: readonly NamedLevel[]): string[] {
  const names = levels
    .flatMap((level) => level.names.map((name) => ({ slug: level.slug, name: name.trim() })))
    .filter((entry) => entry.name.length >= 2)
    .sort((a, b) => b.name.length - a.name.length);
  const scores = new Map<string, number>();
  let remaining = text;
  for (const { slug, name } of names) {
    const caseSensitive = name.length <= 4 && name === name.toUpperCase();
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
    const oneWord = !/\s/.test(name);
    let count = 0;
    remaining = remaining.replace(pattern, (match) => {
      count += oneWord && match !== name && match === match.toLowerCase() ? 0.5 : 1;
      return ' '.repeat(match.length);
    });
    if (count > 0) scores.set(slug, (scores.get(slug) ?? 0) + count);
  }
  const best = Math.max(0, ...scores.values());
  return levels.map((level) => level.slug).filter((slug) => (scores.get(slug) ?? 0) >= Math.max(2, best / 2));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
