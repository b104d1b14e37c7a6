import { readFile } from 'node:fs/promises';
import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';

/** What the checks need from a page: the text a reader sees, its ids and the URLs it refers to. */
export interface HtmlFacts {
  readonly text: string;
  readonly ids: ReadonlySet<string>;
  /** href and src values, as written. */
  readonly urls: readonly string[];
}

/** Parses a page with parse5 (through hast-util-raw), the parser the renderer itself uses. */
export async function readHtml(file: string): Promise<HtmlFacts> {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: await readFile(file, 'utf8') }] } as Root) as Root;
  const text: string[] = [];
  const ids = new Set<string>();
  const urls: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text') text.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const { id, href, src } = node.properties;
      if (typeof id === 'string') ids.add(id);
      if (typeof href === 'string') urls.push(href);
      if (typeof src === 'string') urls.push(src);
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
      text.push(' ');
    }
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return { text: text.join(''), ids, urls };
}
