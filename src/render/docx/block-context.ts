import type { InlineContext } from './inline-handlers.js';

/** What a block handler is told about where the block sits. */
export interface BlockContext extends InlineContext {
  /** Word list level of the enclosing list item, -1 outside lists. */
  readonly listLevel: number;
  readonly inQuote: boolean;
  /** Footnotes hold paragraphs only: tables become one paragraph per row. */
  readonly paragraphsOnly: boolean;
  /** Usable text width in twips, for table columns. */
  readonly textWidth: number;
  /** The block follows a table: a paragraph takes the air below it as space before, not an empty paragraph. */
  readonly afterTable?: true;
}
