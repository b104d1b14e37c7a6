import type { Heading, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { HeadingEntry } from '../model/types.js';
import { plainText } from './inline.js';
import { createHeadingIds } from './slugs.js';
import { visitNodes } from './visit-nodes.js';

/**
 * Gives every heading of a body a unique anchor id, stored on the node (`data.id`, and
 * `data.hProperties.id` so mdast-util-to-hast writes it), and lists them for tables of contents.
 */
export function assignHeadingIds(body: Root): HeadingEntry[] {
  const nextId = createHeadingIds();
  const entries: HeadingEntry[] = [];
  visitNodes(body, (node) => {
    if (node.type !== 'heading') return;
    const heading: Heading = node;
    const text = plainText(heading);
    const id = nextId(text);
    heading.data = { ...heading.data, id, hProperties: { ...heading.data?.hProperties, id } };
    entries.push({ depth: heading.depth, text, id });
  });
  return entries;
}

declare module 'mdast' {
  interface Data {
    /** Anchor id of a heading, unique in its document. */
    id?: string;
  }
}
