import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';

/**
 * The visible text of raw HTML, parsed as a browser would and sanitised with GitHub's rules (as the
 * site is): tags are dropped, scripts and styles vanish with their content, entities are decoded,
 * `<br>` becomes "\n". Never markup: Word gets text only.
 */
export function htmlText(value: string): string {
  // A "raw" node is how mdast-util-to-hast hands HTML to hast-util-raw.
  const tree = { type: 'root', children: [{ type: 'raw', value }] } as unknown as HastRoot;
  return textOf(sanitize(raw(tree) as HastNodes));
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  if (node.type === 'root' || node.type === 'element') return node.children.map((child) => textOf(child)).join('');
  return '';
}
