import { readFile } from 'node:fs/promises';
import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';

/** What the checks need from a page: the text a reader sees, its ids and the URLs it refers to. */
export interface HtmlFacts {
  readonly text: string;
  readonly ids: ReadonlySet<string>;
  /** href and src values, as written. */
  readonly urls: ReadonlySet<string>;
}

/**
 * Parses a page with parse5 (through hast-util-raw), the parser the renderer itself uses. Only level
 * and article pages are checked for their text (`withText`). Every page links to every level, so
 * `shared` hands out one copy of each id and URL for all the pages: at 500 levels the 1,600 pages'
 * own copies (each holding on to its page's source) were 170 MB of live heap, shared they are 45 MB.
 */
export async function readHtml(file: string, withText: boolean, shared: (value: string) => string): Promise<HtmlFacts> {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: await readFile(file, 'utf8') }] } as Root) as Root;
  const text: string[] = [];
  const ids = new Set<string>();
  const urls = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'text' && withText) text.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const { id, href, src } = node.properties;
      if (typeof id === 'string') ids.add(shared(id));
      if (typeof href === 'string') urls.add(shared(href));
      if (typeof src === 'string') urls.add(shared(src));
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
      if (withText) text.push(' ');
    }
    for (const child of node.children) visit(child);
  };
  visit(tree);
  return { text: text.join(''), ids, urls };
}

/** One copy of each string, made from its characters alone: a slice of a page's source would keep the whole page. */
export function sharedStrings(): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let copy = known.get(value);
    if (copy === undefined) known.set(value, (copy = Buffer.from(value, 'utf8').toString('utf8')));
    return copy;
  };
}
