import type { Nodes, Root } from 'mdast';

/** Blocks whose text starts afresh: a quote at their start opens. */
const BLOCKS = new Set(['root', 'paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'list', 'table', 'tableRow', 'footnoteDefinition']);
/** Written verbatim: code and raw HTML are never touched. */
const VERBATIM = new Set(['code', 'inlineCode', 'html']);
/** After one of these (or at the start) a quote opens; after anything else it closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201c\u2018]/u;

/**
 * The body with straight quotes set as a typesetter would: “double”, ‘single’ and the apostrophe
 * (don’t, engineers’). Code, inline code and raw HTML keep their characters. A render-time step:
 * the model keeps what the author wrote, and every format (site, PDF, Word) calls this.
 */
export function typesetQuotes<T extends Nodes = Root>(tree: T): T {
  let before = '';
  const visit = (node: Nodes): Nodes => {
    if (VERBATIM.has(node.type)) {
      if ('value' in node && node.value) before = node.value.slice(-1);
      return node;
    }
    if (node.type === 'text') {
      const value = curl(node.value, before);
      before = value.slice(-1) || before;
      return value === node.value ? node : { ...node, value };
    }
    if (!('children' in node)) return node;
    if (BLOCKS.has(node.type)) before = '';
    let changed = false;
    const children = node.children.map((child) => {
      const next = visit(child as Nodes);
      if (next !== child) changed = true;
      return next;
    });
    if (BLOCKS.has(node.type)) before = '';
    return changed ? ({ ...node, children } as Nodes) : node;
  };
  return visit(tree) as T;
}

/** One run of text; `before` is the character that precedes it in its block ('' at the start). */
export function curl(text: string, before = ''): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = '';
  let previous = before;
  for (const char of text) {
    const opens = previous === '' || OPENS_AFTER.test(previous);
    const set = char === '"' ? (opens ? '\u201c' : '\u201d') : char === "'" ? (opens ? '\u2018' : '\u2019') : char;
    out += set;
    previous = set;
  }
  return out;
}
