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

function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break') return ' ';
      if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') return '';
      return 'children' in node ? phrasingText(node.children) : '';
    })
    .join('');
}
