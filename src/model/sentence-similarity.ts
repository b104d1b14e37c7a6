/**
 * Fuzzy sentence similarity for matching items across levels: the Dice coefficient of the two
 * sentences' content words, after a light stemming so "reviews designs" meets "reviewing a design".
 */

const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it its of on or so that the their them they this to with within your you our we who what when where which how than then not no do does'.split(' '),
);

/**
 * "Reviewing" → "review", "teams" → "team", "priorities" → "priority", "planning" → "plan",
 * "hiring" and "hire" → "hir", "calibration" and "calibrate" → "calibrat": enough to meet near-miss
 * wording (a stem need not be a word, only the same for both forms).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 7 && w.endsWith('ation')) w = `${w.slice(0, -5)}ate`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "plann(ing)" → "plan"; a silent final e goes, so "hire" meets "hir(ing)".
  if (w.length > 3 && /([b-df-hj-km-np-rtv-z])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
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
