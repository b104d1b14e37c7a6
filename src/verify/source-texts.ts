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
      if (node.type === 'code') {
        if (node.value.trim() !== '') texts.push(node.value.trim());
      } else {
        texts.push(...phrasingSegments((node as { children: PhrasingContent[] }).children));
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(body);
  return texts;
}

/** Raw HTML elements whose content no reader sees once sanitised (`<script>alert(1)</script>`). */
const HIDDEN = /^<(script|style|iframe|noscript|template|textarea|title|object|svg|select)\b/i;

/**
 * The text of inline content as a reader sees it, in pieces split at raw HTML: renderers agree on
 * the text around a tag but not on the tag (the site sanitises `<script>` away with its content,
 * Word shows inline HTML's text), so each piece is checked on its own.
 */
export function phrasingSegments(nodes: readonly PhrasingContent[]): string[] {
  const segments: string[] = [''];
  let hiddenUntil: RegExp | null = null;
  const visit = (list: readonly PhrasingContent[]): void => {
    for (const node of list) {
      if (hiddenUntil) {
        if (node.type === 'html' && hiddenUntil.test(node.value)) hiddenUntil = null;
        continue;
      }
      if (node.type === 'html') {
        const hidden = HIDDEN.exec(node.value);
        if (hidden && !new RegExp(`</${hidden[1]}\\s*>`, 'i').test(node.value)) hiddenUntil = new RegExp(`^</${hidden[1]}`, 'i');
        segments.push('');
      } else if (node.type === 'text' || node.type === 'inlineCode') {
        segments[segments.length - 1] += node.value;
      } else if (node.type === 'break') {
        segments[segments.length - 1] += ' ';
      } else if (node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') {
        segments.push('');
      } else if ('children' in node) {
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return segments.map((segment) => segment.trim()).filter((segment) => segment !== '');
}
