import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const blocksProcessor = unified().use(remarkParse).use(remarkGfm);

/** Markdown → mdast (GFM, YAML front matter as a `yaml` node), with source positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * Markdown that is not a content document (a filled template, no front matter) → mdast blocks, read
 * as content is read, so a renderer that makes Markdown of its own never parses it by hand.
 */
export function markdownBlocks(text: string): Root {
  return blocksProcessor.parse(text);
}
