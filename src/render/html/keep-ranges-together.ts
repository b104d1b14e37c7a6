import type { Element, ElementContent, Root } from 'hast';

/** "70-90%", "5–9", "€4–12m", "2 - 3": a number range a line must not break inside. */
const RANGE = /[^\s\d]?\d[\d.,]*\s?[-\u2013\u2014]\s?\d[\d.,]*(?:\s?%|[^\s\d.,;:!?)\]]*)/gu;
/** Code shows its characters as written, wrapping included. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * Number ranges wrapped in `<span class="nowrap">`, so "70-90%" never ends a line at its hyphen.
 * Done on the page (the model and the other formats keep the text as written).
 */
export function keepRangesTogether(root: Root): Root {
  visit(root);
  return root;
}

function visit(node: Root | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      if (!VERBATIM.has(child.tagName)) visit(child);
      return [child];
    }
    if (child.type !== 'text' || !/\d\s?[-\u2013\u2014]\s?\d/u.test(child.value)) return [child as ElementContent];
    return split(child.value);
  }) as Root['children'];
}

function split(text: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(RANGE)) {
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}
