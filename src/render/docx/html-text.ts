import type { Nodes as HastNodes } from 'hast';
import { mdastToHast } from '../html/mdast-to-html.js';

/**
 * The visible text of raw HTML, after the same parsing and sanitising as the site: tags are
 * dropped, scripts and styles vanish with their content, entities are decoded. `<br>` becomes "\n".
 * Never markup: Word gets text only.
 */
export function htmlText(value: string): string {
  const hast = mdastToHast({ type: 'root', children: [{ type: 'html', value }] }, () => null);
  return textOf(hast);
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  if (node.type === 'root' || node.type === 'element') return node.children.map((child) => textOf(child)).join('');
  return '';
}
