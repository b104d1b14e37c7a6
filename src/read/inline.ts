import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Inline } from '../model/types.js';

/**
 * Plain text of any mdast node, whitespace collapsed. Raw HTML tags are left out: a title written
 * `# <b>Lead</b>` reads "Lead" in navigation and metadata (the body keeps the tags for renderers).
 */
export function plainText(node: Nodes | readonly PhrasingContent[]): string {
  const options = { includeHtml: false };
  const text = Array.isArray(node) ? node.map((child) => toString(child, options)).join('') : toString(node as Nodes, options);
  return text.replace(/\s+/g, ' ').trim();
}

export function toInline(children: readonly PhrasingContent[]): Inline {
  return { text: plainText(children), children: [...children] };
}

/** The phrasing children of a list item (its first paragraph and any nested text), as Inline. */
export function inlineOfBlock(node: Nodes): Inline {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return toInline(node.children);
  if ('children' in node) {
    const phrasing: PhrasingContent[] = [];
    for (const child of node.children) {
      if (child.type === 'paragraph') {
        if (phrasing.length > 0) phrasing.push({ type: 'text', value: ' ' });
        phrasing.push(...child.children);
      }
    }
    if (phrasing.length > 0) return toInline(phrasing);
  }
  return { text: plainText(node), children: [{ type: 'text', value: plainText(node) }] };
}

/**
 * Drops a leading plain-text prefix (e.g. "Example: ") from phrasing content, keeping the
 * formatting of the rest. Returns null when the content does not start with it.
 */
export function stripLeadingText(children: readonly PhrasingContent[], pattern: RegExp): PhrasingContent[] | null {
  const [first, ...rest] = children;
  if (!first) return null;
  if (first.type === 'text') {
    const match = pattern.exec(first.value);
    if (!match || match.index !== 0) return null;
    const remainder = first.value.slice(match[0].length);
    return remainder ? [{ ...first, value: remainder }, ...rest] : rest;
  }
  if (first.type === 'emphasis' || first.type === 'strong') {
    const inner = stripLeadingText(first.children, pattern);
    return inner ? [{ ...first, children: inner }, ...rest] : null;
  }
  return null;
}

/** A paragraph that is only bold text (a pseudo-heading like **Morning**); its label, else null. */
export function boldLabel(node: Nodes): string | null {
  if (node.type !== 'paragraph') return null;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  if (meaningful.length !== 1 || !only || only.type !== 'strong') return null;
  return plainText(only).replace(/:$/, '').trim();
}

export function isParagraph(node: Nodes): node is Paragraph {
  return node.type === 'paragraph';
}
