import type { IParagraphStyleOptions, IStylesOptions, PageNumberEstimator } from 'docx';
import { listIndent } from './numbering.js';

/** The page the book is laid out on, in twips. */
export interface PageBox {
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly textWidth: number;
}

/** Paragraph spacing and cell margins of the table style (styles.ts tableStyleXml), in twips. */
const TABLE = { cellMarginY: 60, cellMarginX: 100, border: 10 } as const;

/**
 * The contents' page numbers from a simple model of Word's layout: paragraphs wrap word by word
 * at Calibri's widths, with the styles' sizes, spacing, indents and keep-with-next, table rows
 * stay whole, and each section starts a new page. It reads the body docx is about to write, so
 * the numbers go where docx's own estimator (docx/layout) would put them — at a thousandth of its
 * cost: that one lays out every line as Word does and took about a second of CPU per level. Its
 * numbers match on the example to within a page (test/render-docx/contents-page-numbers.test.ts);
 * Word's "Update table" gives the exact ones.
 */
export function contentsPageNumbers(styles: IStylesOptions, page: PageBox): PageNumberEstimator {
  const resolve = styleResolver(styles);
  return (body) => paginate(blocksOf(body), resolve, page);
}

interface ParagraphStyle {
  readonly size: number; // half-points
  readonly bold: boolean;
  readonly font: FontMetrics;
  readonly before: number;
  readonly after: number;
  readonly line: number; // 240ths of a line
  readonly indent: number;
  readonly keepNext: boolean;
  readonly contextual: boolean;
}

type Resolve = (styleId: string | undefined) => ParagraphStyle;

function styleResolver(styles: IStylesOptions): Resolve {
  const byId = new Map<string, IParagraphStyleOptions>((styles.paragraphStyles ?? []).map((style) => [style.id, style]));
  const base: ParagraphStyle = {
    size: styles.default?.document?.run?.size !== undefined ? Number(styles.default.document.run.size) : 22,
    bold: false,
    font: metricsOf(fontName(styles.default?.document?.run?.font) ?? 'Calibri'),
    before: styles.default?.document?.paragraph?.spacing?.before ?? 0,
    after: styles.default?.document?.paragraph?.spacing?.after ?? 0,
    line: styles.default?.document?.paragraph?.spacing?.line ?? 240,
    indent: 0,
    keepNext: false,
    contextual: false,
  };
  const known = new Map<string, ParagraphStyle>();
  const resolve = (id: string | undefined, depth = 0): ParagraphStyle => {
    const style = id === undefined ? undefined : byId.get(id);
    if (id === undefined || !style || depth > 10) return base;
    const cached = known.get(id);
    if (cached) return cached;
    const parent = resolve(style.basedOn, depth + 1);
    const { run, paragraph } = style;
    const left = paragraph?.indent?.left;
    const resolved: ParagraphStyle = {
      size: run?.size !== undefined ? Number(run.size) : parent.size,
      bold: run?.bold ?? parent.bold,
      font: fontName(run?.font) === undefined ? parent.font : metricsOf(fontName(run?.font) ?? ''),
      before: paragraph?.spacing?.before ?? parent.before,
      after: paragraph?.spacing?.after ?? parent.after,
      line: paragraph?.spacing?.line ?? parent.line,
      indent: typeof left === 'number' ? left : parent.indent,
      keepNext: paragraph?.keepNext ?? parent.keepNext,
      contextual: paragraph?.contextualSpacing ?? parent.contextual,
    };
    known.set(id, resolved);
    return resolved;
  };
  return (id) => resolve(id);
}

/** A run's font as docx takes it: a name, or names per script. */
function fontName(font: unknown): string | undefined {
  if (typeof font === 'string') return font;
  if (typeof font === 'object' && font !== null && 'ascii' in font && typeof font.ascii === 'string') return font.ascii;
  return undefined;
}

/** A paragraph as the layout needs it: its runs' text (bold or not), style, list level, bookmarks. */
interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly style: string | undefined;
  readonly level: number | null;
  readonly runs: readonly { readonly text: string; readonly bold: boolean }[];
  readonly bookmarks: readonly string[];
  readonly sectionEnd: boolean;
}

interface TableBlock {
  readonly type: 'table';
  readonly columns: readonly number[];
  readonly rows: readonly { readonly header: boolean; readonly cells: readonly (readonly ParagraphBlock[])[] }[];
}

type Block = ParagraphBlock | TableBlock;

/** docx's prepared XML: objects with one element name each, `_attr` for attributes, strings for text. */
type Node = Record<string, unknown>;

function childrenOf(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter((item): item is Node => typeof item === 'object' && item !== null) : [];
}

const NONE: [string, unknown] = ['', undefined];

function entry(node: Node): [string, unknown] {
  for (const key in node) if (key !== '_attr') return [key, node[key]];
  return NONE;
}

function attribute(value: unknown, name: string): unknown {
  const attributes = (typeof value === 'object' && value !== null ? (value as Node)['_attr'] : undefined) as Node | undefined;
  return attributes?.[name];
}

function find(children: readonly Node[], name: string): unknown {
  for (const child of children) {
    const [key, value] = entry(child);
    if (key === name) return value;
  }
  return undefined;
}

function blocksOf(body: unknown): Block[] {
  const root = childrenOf((body as Node)['w:body']);
  const blocks: Block[] = [];
  for (const node of root) {
    const [name, value] = entry(node);
    if (name === 'w:p') blocks.push(paragraphOf(childrenOf(value)));
    else if (name === 'w:tbl') blocks.push(tableOf(childrenOf(value)));
    else if (name === 'w:sdt') {
      const content = childrenOf(find(childrenOf(value), 'w:sdtContent'));
      for (const child of content) if (entry(child)[0] === 'w:p') blocks.push(paragraphOf(childrenOf(entry(child)[1])));
    }
  }
  return blocks;
}

function paragraphOf(children: readonly Node[]): ParagraphBlock {
  const properties = childrenOf(find(children, 'w:pPr'));
  const numbering = childrenOf(find(properties, 'w:numPr'));
  const level = numbering.length > 0 ? Number(attribute(find(numbering, 'w:ilvl'), 'w:val') ?? 0) : null;
  const runs: { text: string; bold: boolean }[] = [];
  const bookmarks: string[] = [];
  const visit = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      const [name, value] = entry(node);
      if (name === 'w:bookmarkStart') bookmarks.push(String(attribute(value, 'w:name')));
      else if (name === 'w:hyperlink') visit(childrenOf(value));
      else if (name === 'w:r') {
        const parts = childrenOf(value);
        const bold = childrenOf(find(parts, 'w:rPr')).some((part) => entry(part)[0] === 'w:b');
        let text = '';
        for (const part of parts) {
          const [partName, partValue] = entry(part);
          if (partName === 'w:t' && Array.isArray(partValue)) text += partValue.filter((item): item is string => typeof item === 'string').join('');
          else if (partName === 'w:tab') text += '    ';
          else if (partName === 'w:br') text += '\n';
        }
        if (text) runs.push({ text, bold });
      }
    }
  };
  visit(children);
  const style = attribute(find(properties, 'w:pStyle'), 'w:val');
  return { type: 'paragraph', style: typeof style === 'string' ? style : undefined, level, runs, bookmarks, sectionEnd: find(properties, 'w:sectPr') !== undefined };
}

function tableOf(children: readonly Node[]): TableBlock {
  const columns = childrenOf(find(children, 'w:tblGrid')).map((column) => Number(attribute(entry(column)[1], 'w:w') ?? 0));
  const rows = children
    .filter((child) => entry(child)[0] === 'w:tr')
    .map((row) => {
      const parts = childrenOf(entry(row)[1]);
      const header = find(childrenOf(find(parts, 'w:trPr')), 'w:tblHeader') !== undefined;
      const cells = parts.filter((part) => entry(part)[0] === 'w:tc').map((cell) => childrenOf(entry(cell)[1]).filter((node) => entry(node)[0] === 'w:p').map((node) => paragraphOf(childrenOf(entry(node)[1]))));
      return { header, cells };
    });
  return { type: 'table', columns, rows };
}

/** A font's advance widths, in thousandths of an em, for the characters prose is made of. */
interface FontMetrics {
  readonly widths: Readonly<Record<string, number>>;
  /** What another character counts as: an average lowercase letter. */
  readonly average: number;
  readonly digit: number;
  /** How much wider bold is. */
  readonly bold: number;
  /** Ascent, descent and gap, in ems: one line at single spacing. */
  readonly line: number;
}

const ARIAL: FontMetrics = {
  widths: {
    ' ': 278, a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
    A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
    '.': 278, ',': 278, ':': 278, ';': 278, '-': 333, '–': 556, '—': 1000, '(': 333, ')': 333, "'": 191, '’': 222, '‘': 222, '"': 355, '“': 333, '”': 333, '/': 278, '&': 667, '?': 556, '!': 278, '%': 889, '+': 584, '•': 350,
  },
  average: 520,
  digit: 556,
  bold: 1.08,
  line: 1.15,
};

const CALIBRI: FontMetrics = {
  widths: {
    ' ': 226, a: 479, b: 525, c: 423, d: 525, e: 498, f: 305, g: 471, h: 525, i: 229, j: 239, k: 455, l: 229, m: 799, n: 525, o: 527, p: 525, q: 525, r: 349, s: 391, t: 335, u: 525, v: 452, w: 715, x: 433, y: 453, z: 395,
    A: 579, B: 544, C: 533, D: 615, E: 488, F: 459, G: 631, H: 623, I: 252, J: 319, K: 520, L: 420, M: 855, N: 646, O: 662, P: 517, Q: 673, R: 543, S: 459, T: 487, U: 653, V: 567, W: 890, X: 519, Y: 487, Z: 468,
    '.': 252, ',': 250, ':': 268, ';': 268, '-': 306, '–': 498, '—': 905, '(': 303, ')': 303, "'": 221, '’': 250, '‘': 250, '"': 401, '“': 418, '”': 418, '/': 386, '&': 682, '?': 463, '!': 326, '%': 715, '+': 498, '•': 350,
  },
  average: 480,
  digit: 507,
  bold: 1.04,
  line: 1.2207,
};

const MONO: FontMetrics = { widths: {}, average: 550, digit: 550, bold: 1, line: 1.17 };

/** Metrics by font name; a font not listed is measured as Calibri, Office's default. */
function metricsOf(font: string): FontMetrics {
  if (/^(arial|helvetica|liberation sans|arimo)$/i.test(font)) return ARIAL;
  if (/mono|consolas|courier|menlo|monaco|cascadia|lucida console/i.test(font)) return MONO;
  return CALIBRI;
}

/** Each font's widths by character code below 0x2030 (prose), filled on first use. */
const WIDTH_TABLES = new Map<FontMetrics, Float64Array>();

function widthTable(font: FontMetrics): Float64Array {
  let table = WIDTH_TABLES.get(font);
  if (!table) {
    table = new Float64Array(0x2030).fill(font.average);
    for (let code = 0x30; code <= 0x39; code += 1) table[code] = font.digit;
    for (const [char, width] of Object.entries(font.widths)) table[char.charCodeAt(0)] = width;
    WIDTH_TABLES.set(font, table);
  }
  return table;
}

function textWidth(text: string, size: number, bold: boolean, font: FontMetrics): number {
  const table = widthTable(font);
  let width = 0;
  for (let index = 0; index < text.length; index += 1) width += table[text.charCodeAt(index)] ?? font.average;
  // thousandths of an em at `size` half-points → twips (20 a point)
  return (width * size * 20 * (bold ? font.bold : 1)) / 2000;
}

/** Line height in twips: the font's line at `size`, times the line spacing (240ths, "auto"). */
function lineHeight(style: ParagraphStyle): number {
  return (style.size / 2) * style.font.line * 20 * (style.line / 240);
}

/** How many lines a paragraph takes in `width` twips: greedy word wrap, as Word does. */
function lineCount(block: ParagraphBlock, style: ParagraphStyle, width: number): number {
  if (block.runs.length === 0) return 1;
  let lines = 1;
  let x = 0;
  for (const run of block.runs) {
    const bold = run.bold || style.bold;
    const space = textWidth(' ', style.size, bold, style.font);
    for (const [index, segment] of run.text.split('\n').entries()) {
      if (index > 0) {
        lines += 1;
        x = 0;
      }
      for (const word of segment.split(' ')) {
        // A space at the end of a line may hang past the margin, as in Word.
        const wordWidth = textWidth(word, style.size, bold, style.font);
        if (x > 0 && x + wordWidth > width) {
          lines += 1;
          x = 0;
        }
        x += wordWidth + space;
      }
    }
  }
  return lines;
}

interface Measured {
  readonly before: number;
  readonly after: number;
  readonly lines: number;
  readonly line: number;
  readonly keepNext: boolean;
  readonly contextual: boolean;
  readonly style: string | undefined;
}

function measureParagraph(block: ParagraphBlock, resolve: Resolve, width: number): Measured {
  const style = resolve(block.style);
  const indent = block.level === null ? style.indent : listIndent(block.level);
  return {
    before: style.before,
    after: style.after,
    lines: lineCount(block, style, width - indent),
    line: lineHeight(style),
    keepNext: style.keepNext,
    contextual: style.contextual,
    style: block.style,
  };
}

const ROW_HEIGHTS = new WeakMap<object, number>();

function rowHeight(cells: readonly (readonly ParagraphBlock[])[], columns: readonly number[], resolve: Resolve): number {
  const known = ROW_HEIGHTS.get(cells);
  if (known !== undefined) return known;
  const height = measureRow(cells, columns, resolve);
  ROW_HEIGHTS.set(cells, height);
  return height;
}

function measureRow(cells: readonly (readonly ParagraphBlock[])[], columns: readonly number[], resolve: Resolve): number {
  const heights = cells.map((paragraphs, index) => {
    const width = (columns[index] ?? 0) - 2 * TABLE.cellMarginX;
    const inner = paragraphs.reduce((sum, paragraph) => {
      const measured = measureParagraph(paragraph, resolve, width);
      return sum + measured.before + measured.lines * measured.line + measured.after;
    }, 0);
    return inner + 2 * TABLE.cellMarginY;
  });
  return Math.max(0, ...heights) + TABLE.border;
}

function paginate(blocks: readonly Block[], resolve: Resolve, page: PageBox): { bookmarks: ReadonlyMap<string, string>; pageCount: number } {
  const room = page.height - page.top - page.bottom;
  const bookmarks = new Map<string, string>();
  const measuredBlocks = new Map<ParagraphBlock, Measured>();
  const measure = (block: ParagraphBlock): Measured => {
    const known = measuredBlocks.get(block) ?? measureParagraph(block, resolve, page.textWidth);
    measuredBlocks.set(block, known);
    return known;
  };
  let pageNumber = 1;
  let y = 0;
  let previous: Measured | null = null;
  const newPage = (): void => {
    pageNumber += 1;
    y = 0;
    previous = null;
  };
  const mark = (names: readonly string[]): void => {
    for (const name of names) if (!bookmarks.has(name)) bookmarks.set(name, String(pageNumber));
  };
  // Word puts the larger of the space after one paragraph and before the next between them.
  const spaceAbove = (measured: Measured, last: Measured | null): number => {
    if (last === null) return y === 0 ? 0 : measured.before;
    if (measured.contextual && last.contextual && measured.style === last.style) return 0;
    return Math.max(last.after, measured.before);
  };
  /** What a heading needs below it on its page: the first two lines of the next block, or its first rows. */
  const headOf = (block: Block | undefined): number => {
    if (!block) return 0;
    if (block.type === 'table') return block.rows.slice(0, 2).reduce((sum, row) => sum + rowHeight(row.cells, block.columns, resolve), 0);
    const measured = measure(block);
    return measured.before + Math.min(2, measured.lines) * measured.line;
  };

  for (const [index, block] of blocks.entries()) {
    if (block.type === 'table') {
      const header = block.rows.find((row) => row.header);
      const headerHeight = header ? rowHeight(header.cells, block.columns, resolve) : 0;
      y += previous?.after ?? 0;
      previous = null;
      // Rows do not split (cantSplit); the header row repeats on each page.
      for (const row of block.rows) {
        const height = rowHeight(row.cells, block.columns, resolve);
        if (y > 0 && y + height > room) {
          newPage();
          if (!row.header) y += headerHeight;
        }
        for (const cell of row.cells) for (const paragraph of cell) mark(paragraph.bookmarks);
        y += height;
      }
      continue;
    }
    const measured = measure(block);
    let space = spaceAbove(measured, previous);
    const height = measured.lines * measured.line;
    if (measured.keepNext) {
      // A heading (and headings right after it) go to the next page with what follows them.
      let kept = space + height;
      let next = index + 1;
      for (let following = blocks[next]; following?.type === 'paragraph' && measure(following).keepNext; following = blocks[++next]) {
        kept += measure(following).before + measure(following).lines * measure(following).line;
      }
      if (y > 0 && y + kept + headOf(blocks[next]) > room) {
        newPage();
        space = 0;
      }
    } else if (y > 0 && y + space + height > room) {
      const fits = Math.floor((room - y - space) / measured.line);
      // Widow and orphan control: at least two lines on each page, else the paragraph moves whole.
      if (fits >= 2 && measured.lines - fits >= 2) {
        mark(block.bookmarks);
        // The rest may fill pages of its own (a very long paragraph).
        const perPage = Math.max(1, Math.floor(room / measured.line));
        const rest = measured.lines - fits;
        pageNumber += 1 + Math.floor((rest - 1) / perPage);
        y = (rest - Math.floor((rest - 1) / perPage) * perPage) * measured.line;
        previous = measured;
        if (block.sectionEnd) newPage();
        continue;
      }
      newPage();
      space = 0;
    }
    y += space;
    mark(block.bookmarks);
    y += height;
    previous = measured;
    if (block.sectionEnd) newPage();
  }
  return { bookmarks, pageCount: y === 0 && pageNumber > 1 ? pageNumber - 1 : pageNumber };
}
