/** A level as the detector sees it: the names it goes by. */
export interface NamedLevel {
  readonly slug: string;
  readonly names: readonly string[];
}

interface NameEntry {
  readonly slug: string;
  readonly words: readonly string[];
  /** Short all-caps names (VP, CTO) only count when written that way. */
  readonly caseSensitive: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Finds the levels an article discusses by counting how often each level is named. At each word
 * the longest name wins, so "Senior Engineer" is not also counted as "Engineer". A one-word name
 * written in lower case ("the engineer who…") is often just a noun, so it counts half. Levels
 * scoring at least 2 and at least half the best score relate. The detector returns slugs in the
 * given (ladder) order; its name index is built once for every article, and each text is read in
 * one pass over its words, whatever the number of levels.
 */
export function relatedLevelDetector(levels: readonly NamedLevel[]): (text: string) => string[] {
  const byFirstWord = new Map<string, NameEntry[]>();
  for (const level of levels) {
    for (const name of level.names) {
      const words = name.match(WORD) ?? [];
      const first = words[0]?.toLowerCase();
      if (!first || name.trim().length < 2) continue;
      const caseSensitive = name.trim().length <= 4 && name === name.toUpperCase();
      const entries = byFirstWord.get(first) ?? [];
      entries.push({ slug: level.slug, words, caseSensitive });
      byFirstWord.set(first, entries);
    }
  }
  for (const entries of byFirstWord.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return (text) => scoreLevels(text, byFirstWord, levels);
}

function scoreLevels(text: string, byFirstWord: ReadonlyMap<string, readonly NameEntry[]>, levels: readonly NamedLevel[]): string[] {
  const words = text.match(WORD) ?? [];
  const scores = new Map<string, number>();
  let index = 0;
  while (index < words.length) {
    const match = byFirstWord.get((words[index] as string).toLowerCase())?.find((entry) => matchesAt(words, index, entry));
    if (!match) {
      index += 1;
      continue;
    }
    const written = words[index] as string;
    const lowerCaseNoun = match.words.length === 1 && written !== match.words[0] && written === written.toLowerCase();
    scores.set(match.slug, (scores.get(match.slug) ?? 0) + (lowerCaseNoun ? 0.5 : 1));
    index += match.words.length;
  }
  const best = Math.max(0, ...scores.values());
  return levels.map((level) => level.slug).filter((slug) => (scores.get(slug) ?? 0) >= Math.max(2, best / 2));
}

function matchesAt(words: readonly string[], start: number, entry: NameEntry): boolean {
  return entry.words.every((word, offset) => {
    const written = words[start + offset];
    if (written === undefined) return false;
    return entry.caseSensitive ? written === word : written.toLowerCase() === word.toLowerCase();
  });
}
