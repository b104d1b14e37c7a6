import type { Diagnostics } from '../diagnostics.js';
import { bracketDepth, linePrefix } from './line-nesting.js';

/** Bounds on one document, checked before parsing so hostile input cannot exhaust the parser. */
export interface InputLimits {
  readonly maxFileBytes: number;
  /** Nested lists and block quotes (remark overflows the stack near 2,000). */
  readonly maxNesting: number;
  readonly maxTableCells: number;
  /** `[` in one paragraph: link syntax costs micromark time quadratic in it (1 MB of `[a](` takes minutes). */
  readonly maxBracketsPerBlock?: number;
  /** Characters in a level's `label` (the navigation and every page show it). */
  readonly maxLabelLength?: number;
  /** Characters in a level's or article's title. */
  readonly maxTitleLength?: number;
}

export const DEFAULT_TEXT_LIMITS = { maxLabelLength: 100, maxTitleLength: 200 } as const;

export const DEFAULT_LIMITS: InputLimits = { maxFileBytes: 1_000_000, maxNesting: 32, maxTableCells: 5_000, maxBracketsPerBlock: 1_000 };

const DEFAULT_BRACKETS_PER_BLOCK = 1_000;

/** Reports the first limit a document's raw text breaks; true when it is within all of them. */
export function checkInputLimits(bytes: number, text: string | null, file: string, limits: InputLimits, diagnostics: Diagnostics): boolean {
  if (bytes > limits.maxFileBytes) {
    diagnostics.report('file-too-large', file, null, `File is ${formatBytes(bytes)}, over the limit of ${formatBytes(limits.maxFileBytes)}`);
    return false;
  }
  if (text === null) return true;
  const lines = text.split('\n');
  let tableCells = 0;
  let tableStart = 0;
  let brackets = 0;
  let blockBrackets = 0;
  let blockStart = 1;
  const maxBrackets = limits.maxBracketsPerBlock ?? DEFAULT_BRACKETS_PER_BLOCK;
  for (const [index, line] of lines.entries()) {
    const at = { line: index + 1, column: 1 };
    // Code blocks are not exempt: a fence the scanner thinks open may be closed by its container.
    const depth = linePrefix(line);
    if (depth > limits.maxNesting) {
      diagnostics.report('nesting-too-deep', file, at, `Lists and quotes nest ${depth} deep here, over the limit of ${limits.maxNesting}`);
      return false;
    }
    const blank = line.trim() === '';
    // A list item, heading or table row starts a new inline context; only a paragraph's lines add up.
    if (blank || depth > 0 || /^\s*(#|\|)/.test(line)) blockBrackets = 0;
    if (!blank && blockBrackets === 0) blockStart = index + 1;
    const nested = bracketDepth(line, blank ? 0 : brackets);
    brackets = nested.depth;
    blockBrackets += nested.opened;
    if (blockBrackets > maxBrackets) {
      diagnostics.report('nesting-too-deep', file, { line: blockStart, column: 1 }, `Paragraph has over ${maxBrackets} square brackets (links), more than ladderpress reads in one paragraph`);
      return false;
    }
    if (nested.max > limits.maxNesting) {
      diagnostics.report('nesting-too-deep', file, at, `Square brackets nest ${nested.max} deep here, over the limit of ${limits.maxNesting}`);
      return false;
    }
    if (line.trimStart().startsWith('|')) {
      if (tableCells === 0) tableStart = index + 1;
      tableCells += line.split('|').length - 2;
      if (tableCells > limits.maxTableCells) {
        diagnostics.report('table-too-large', file, { line: tableStart, column: 1 }, `Table has over ${limits.maxTableCells} cells`);
        return false;
      }
    } else {
      tableCells = 0;
    }
  }
  return true;
}

/** Reports a label or title longer than its limit (counted in characters, not UTF-16 units); true when within it. */
export function checkLength(what: 'label' | 'title', text: string, max: number, file: string, at: { line: number; column: number } | null, diagnostics: Diagnostics): boolean {
  const length = [...text].length;
  if (length <= max) return true;
  const key = what === 'label' ? 'maxLabelLength' : 'maxTitleLength';
  diagnostics.report('text-too-long', file, at, `The ${what} is ${length} characters long, over the limit of ${max} (limits.${key}): "${[...text].slice(0, 40).join('')}…"`);
  return false;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`;
}
