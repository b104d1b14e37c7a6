import type { DimensionTable } from './types.js';

/**
 * A share of the week as a time-allocation table gives it: one percentage or a range.
 * @example { low: 70, high: 90 } // "70–90%"
 */
export interface TimeShare {
  readonly low: number;
  readonly high: number;
}

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d+)?)\s*%?`;
/** "70-90%", "70–90 %", "70 to 90%", "~10%", "about 5%", "<5%", "up to 5%", "0%"; surrounding emphasis already gone (plain text). */
const RANGE = new RegExp(String.raw`^${NUMBER}\s*(?:-|–|—|to)\s*${NUMBER}$`, 'i');
const SINGLE = new RegExp(String.raw`^(?:~|≈|ca\.?|about|around|roughly|approx\.?)?\s*${NUMBER}$`, 'i');
const AT_MOST = new RegExp(String.raw`^(?:<|≤|<=|up to|under|below|at most)\s*${NUMBER}$`, 'i');

/**
 * The share a cell states, in percent (0–100), or null when it states none a chart could draw
 * ("varies", "most of it", "110%", "90–70%"). At least one "%" must be written: a bare "5" is not a share.
 */
export function parseTimeShare(text: string): TimeShare | null {
  const value = text.replace(/\s+/g, ' ').trim();
  if (!value.includes('%')) return null;
  const number = (raw: string | undefined): number => Number((raw ?? '').replace(',', '.'));
  let share: TimeShare | null = null;
  const range = RANGE.exec(value);
  const single = SINGLE.exec(value);
  const atMost = AT_MOST.exec(value);
  if (range) share = { low: number(range[1]), high: number(range[2]) };
  else if (single) share = { low: number(single[1]), high: number(single[1]) };
  else if (atMost) share = { low: 0, high: number(atMost[1]) };
  if (!share || !(share.low >= 0 && share.low <= share.high && share.high <= 100)) return null;
  return share;
}

/**
 * Whether a time table is one of shares a chart can draw: most of its level cells read as shares.
 * A table about the week in words ("Typical week": "Mostly meetings") is not charted, and not warned about.
 */
export function isShareTable(table: DimensionTable): boolean {
  if (table.kind !== 'time') return false;
  // Asked once per level and format: every cell of a 500-level table parsed 500 times was seconds.
  let known = shareTables.get(table);
  if (known === undefined) {
    const cells = table.dimensions.flatMap((dimension) => dimension.cells).filter((cell) => cell.key.kind === 'level' && cell.value.text.trim() !== '');
    const read = cells.filter((cell) => parseTimeShare(cell.value.text) !== null).length;
    known = read > 0 && read * 2 >= cells.length;
    shareTables.set(table, known);
  }
  return known;
}

const shareTables = new WeakMap<DimensionTable, boolean>();
