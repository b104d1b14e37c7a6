/**
 * How deep one line of Markdown nests block containers (block quotes and list items), measured
 * without regular expressions that backtrack: a line of a million spaces must cost a million steps.
 */

const TAB_STOP = 4;

/**
 * Counts every container marker at the start of a line (`- - - x` and `> 1. > - x` nest on one
 * line), with tabs expanded to CommonMark's stops of four columns. Indentation counts one level
 * per two columns, the narrowest a nested list can be, so depth errs on the high side. A line
 * without any marker opens nothing: 0.
 */
export function linePrefix(line: string): number {
  let column = 0;
  let indent = 0;
  let markers = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ' || char === '\t') {
      const width = char === '\t' ? TAB_STOP - (column % TAB_STOP) : 1;
      column += width;
      indent += width;
      i += 1;
      continue;
    }
    if (char === '>') {
      markers += 1;
      column += 1;
      i += 1;
      if (line[i] === ' ') {
        column += 1;
        i += 1;
      }
      continue;
    }
    const end = listMarkerEnd(line, i);
    if (end === null || isThematicBreak(line, i)) break;
    markers += 1;
    column += end - i + 1;
    i = end + 1;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

/** Index of the space or tab that ends a list marker starting at `start` (`-`, `*`, `+`, `12.`, `3)`), else null. */
function listMarkerEnd(line: string, start: number): number | null {
  let i = start;
  const char = line[i];
  if (char === '-' || char === '*' || char === '+') {
    i += 1;
  } else {
    while (i < line.length && i - start < 9 && isDigit(line[i])) i += 1;
    if (i === start || (line[i] !== '.' && line[i] !== ')')) return null;
    i += 1;
  }
  return line[i] === ' ' || line[i] === '\t' ? i : null;
}

/** `- - -`, `* * *`, `___`: a rule, not nested lists. */
function isThematicBreak(line: string, start: number): boolean {
  const char = line[start];
  if (char !== '-' && char !== '*' && char !== '_') return false;
  let count = 0;
  for (let i = start; i < line.length; i += 1) {
    if (line[i] === char) count += 1;
    else if (line[i] !== ' ' && line[i] !== '\t') return false;
  }
  return count >= 3;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Deepest nesting of `[` … `]` in a block of text (escaped brackets and code spans aside).
 * micromark matches link labels in time quadratic in this depth: 20,000 nested brackets take
 * minutes, so the depth is limited like list nesting. `opened` counts every `[` of the line: a
 * paragraph of 250,000 `[a](` takes micromark minutes too, even unnested.
 */
export function bracketDepth(line: string, depth: number): { depth: number; max: number; opened: number } {
  let current = depth;
  let max = depth;
  let inCode = false;
  let opened = 0;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\\') {
      i += 1;
    } else if (char === '`') {
      inCode = !inCode;
    } else if (!inCode && char === '[') {
      current += 1;
      opened += 1;
      if (current > max) max = current;
    } else if (!inCode && char === ']' && current > 0) {
      current -= 1;
    }
  }
  return { depth: current, max, opened };
}
