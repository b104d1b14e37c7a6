import type { Root, TableCell } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import { visitNodes } from './visit-nodes.js';

/**
 * GFM drops the cells of a row beyond the header's count, so a ragged table would lose words in
 * some formats and not others. The header is widened with empty cells instead, so every format
 * shows every cell, and the author is told where.
 */
export function widenRaggedTables(body: Root, file: string, diagnostics: Diagnostics): void {
  visitNodes(body, (node) => {
    if (node.type !== 'table') return;
    const [header, ...rows] = node.children;
    if (!header) return;
    const widest = Math.max(...node.children.map((row) => row.children.length));
    if (widest <= header.children.length) return;
    for (const row of rows) {
      if (row.children.length > header.children.length) {
        diagnostics.report('ragged-table', file, row.position?.start ?? null, `Row has ${row.children.length} cells but the table header has ${header.children.length}; the extra cells get empty header cells`);
      }
    }
    const added = widest - header.children.length;
    header.children.push(...Array.from({ length: added }, (): TableCell => ({ type: 'tableCell', children: [] })));
    node.align = [...(node.align ?? []), ...Array.from({ length: widest - (node.align?.length ?? 0) }, () => null)].slice(0, widest);
  });
}
