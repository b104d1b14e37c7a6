import type { Nodes, PhrasingContent, Root } from 'mdast';

/** Blocks whose text is checked one by one: the smallest units a renderer lays out. */
const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/**
 * The texts an author wrote in a body, one per leaf block (paragraph, heading, table cell, code),
 * as a reader would see them: no raw HTML (it is sanitised), no image sources, no footnote marks.
 */
export function sourceTexts(body: Root): string[] {
  const texts: string[] = [];
  const visit = (node: Nodes): void => {
    if (LEAF_BLOCKS.has(node.type)) {
      const text = node.type === 'code' ? node.value : phrasingText((node as { children: PhrasingContent[] }).children);
      if (text.trim() !== '') texts.push(text.trim());
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(body);
  return texts;
}

/** Raw HTML elements whose content no reader sees once sanitised (`<script>alert(1)</script>`). */
const HIDDEN = /^<(script|style|iframe|noscript|template|textarea|title|object|svg|select)\b/i;

/** The text of inline content as a reader sees it. Exported for titles. */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let hiddenUntil: RegExp | null = null;
  return nodes
    .map((node): string => {
      if (hiddenUntil) {
        if (node.type === 'html' && hiddenUntil.test(node.value)) hiddenUntil = null;
        return '';
      }
      if (node.type === 'html') {
        const hidden = HIDDEN.exec(node.value);
        if (hidden && !new RegExp(`</${hidden[1]}\\s*>`, 'i').test(node.value)) hiddenUntil = new RegExp(`^</${hidden[1]}`, 'i');
        return '';
      }
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break') return ' ';
      if (node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') return '';
      return 'children' in node ? phrasingText(node.children) : '';
    })
    .join('');
}
