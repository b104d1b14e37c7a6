import type { ScopeEntry } from '../model/types.js';

/**
 * How every format shows where a level's scope came from: one note when the ladder overview gave
 * all of it (a mark on each entry would only repeat it), else a discreet mark on each entry the
 * overview added to the document's own.
 */
export interface ScopeMarks {
  /** Every entry came from the overview: say so once, under the list. */
  readonly allFromLadder: boolean;
  /** At least one entry came from the overview (the scope links the overview table). */
  readonly anyFromLadder: boolean;
  /** Whether this entry carries its own "overview" mark. */
  readonly marked: (entry: ScopeEntry) => boolean;
}

/** The short mark after an entry's label: the overview's row, not the level's document. */
export const OVERVIEW_MARK = 'overview';
/** Its longer form, for a title or a screen reader. */
export const OVERVIEW_MARK_TITLE = 'From the ladder overview';

export function scopeMarks(scope: readonly ScopeEntry[]): ScopeMarks {
  const fromLadder = scope.filter((entry) => entry.origin === 'ladder').length;
  const allFromLadder = fromLadder > 0 && fromLadder === scope.length;
  return { allFromLadder, anyFromLadder: fromLadder > 0, marked: (entry) => !allFromLadder && entry.origin === 'ladder' };
}
