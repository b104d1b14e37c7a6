import type { WordChange } from './types.js';

/** A word with the whitespace after it, so the pieces join back into the exact text. */
const units = (text: string): string[] => text.match(/\S+\s*/g) ?? [];
const key = (unit: string): string => unit.trim().toLowerCase().replace(/[^\p{L}\p{N}]+$/u, '');

/**
 * A word-level diff (longest common subsequence) of two short texts, words compared without case and
 * trailing punctuation. Joining the 'same' and 'added' pieces gives `after` exactly; 'same' and
 * 'removed' give `before` up to that punctuation and whitespace.
 */
export function wordChanges(before: string, after: string): WordChange[] {
  const a = units(before);
  const b = units(after);
  // lengths[i][j] = LCS length of a[i..] and b[j..]; sentences are short, so O(n·m) is fine.
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] = key(a[i] as string) === key(b[j] as string) ? (lengths[i + 1] as number[])[j + 1] as number + 1 : Math.max((lengths[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const changes: WordChange[] = [];
  const push = (kind: WordChange['kind'], text: string): void => {
    const last = changes.at(-1);
    if (last?.kind === kind) changes[changes.length - 1] = { kind, text: last.text + text };
    else changes.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const here = (lengths[i] as number[] | undefined)?.[j] ?? 0;
    if (i < a.length && j < b.length && key(a[i] as string) === key(b[j] as string)) {
      push('same', b[j] as string);
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || ((lengths[i + 1] as number[])[j] ?? 0) === here)) {
      // Removed before added where either keeps the diff shortest, as diff tools show it.
      push('removed', a[i] as string);
      i += 1;
    } else {
      push('added', b[j] as string);
      j += 1;
    }
  }
  return changes;
}
