/**
 * Fuzzy sentence similarity for matching items across levels: the Dice coefficient of the two
 * sentences' content words, after a light stemming so "reviews designs" meets "reviewing a design".
 */

const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it its of on or so that the their them they this to with within your you our we who what when where which how than then not no do does'.split(' '),
);

/** "Reviewing" → "review", "teams" → "team", "priorities" → "priority": enough to meet near-miss wording. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ly')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The stemmed content words of a text, as a set. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((word) => word !== '' && !STOP_WORDS.has(word)).map(stem));
}

/** Dice coefficient of two word sets: 0 (nothing shared) .. 1 (same words). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}
