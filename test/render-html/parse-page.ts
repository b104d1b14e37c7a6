import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';

/** A built page parsed with the same HTML parser the renderer uses (parse5, through hast-util-raw). */
export interface ParsedPage {
  readonly tree: Root;
  /** What a reader sees, whitespace collapsed and quotes straightened (script and template text excluded). */
  readonly text: string;
  readonly elements: readonly Element[];
}

const INLINE = new Set(['a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'kbd', 'mark', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

export function parsePage(html: string): ParsedPage {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] } as Root) as Root;
  const elements: Element[] = [];
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type === 'element') {
      elements.push(node);
      if (node.tagName === 'script' || node.tagName === 'style') return;
      // Block boundaries separate words, as they do on screen; inline elements do not.
      if (!INLINE.has(node.tagName)) parts.push(' ');
    }
    if (node.type === 'element' || node.type === 'root') for (const child of node.children) walk(child);
  };
  walk(tree);
  return { tree, text: collapse(parts.join('')), elements };
}

export async function readPage(outDir: string, page: string): Promise<ParsedPage> {
  return parsePage(await readFile(path.join(outDir, page), 'utf8'));
}

/** Whitespace collapsed and quotes straightened (pages set them typographically; sources have either). */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').trim();
}

/** The value of an attribute as written (class lists joined with spaces). */
export function attr(element: Element, name: string): string | null {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return null;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

export function byTag(page: ParsedPage, tagName: string): Element[] {
  return page.elements.filter((element) => element.tagName === tagName);
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}
