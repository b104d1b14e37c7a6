import type { Heading, Root, RootContent } from 'mdast';
import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics.js';
import { readFrontMatter } from './front-matter.js';
import { plainText } from './inline.js';
import { parseMarkdown } from './parse-markdown.js';
import { reportUnclosedFences } from './unclosed-fences.js';
import { widenRaggedTables } from './widen-ragged-tables.js';

/** A Markdown document split into its parts, before the ladder-wide steps (facets, links). */
export interface MarkdownDocument<FrontMatter> {
  readonly frontMatter: FrontMatter;
  /** Where each top-level front matter key is written, for diagnostics about its value. */
  readonly frontMatterKeys: Readonly<Record<string, { line: number; column: number }>>;
  readonly title: Heading;
  /** Everything but the front matter and the `#` title. */
  readonly body: Root;
}

/**
 * Reads a Markdown document with optional YAML front matter and exactly one `#` title. Reports
 * every problem it finds; returns null when the document cannot be used.
 */
export function readMarkdownDocument<Schema extends z.ZodType<Record<string, unknown>>>(
  text: string,
  file: string,
  schema: Schema,
  diagnostics: Diagnostics,
): MarkdownDocument<z.infer<Schema>> | null {
  if (text.trim() === '') {
    diagnostics.report('empty-file', file, null, 'File is empty');
    return null;
  }
  let root: Root;
  try {
    root = parseMarkdown(text);
  } catch (error) {
    // The limits are checked on raw lines; a shape they do not foresee must still be a diagnostic.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.report('nesting-too-deep', file, null, `Markdown nests too deeply to read (${error.message})`);
    return null;
  }
  const yamlNode = root.children[0]?.type === 'yaml' ? root.children[0] : null;
  if (!yamlNode && unreadFrontMatter(text, file, diagnostics)) return null;
  const frontMatterRead = yamlNode
    ? readFrontMatter(yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, schema, file, diagnostics)
    : readFrontMatter('', 1, schema, file, diagnostics);
  const content = root.children.filter((node) => node.type !== 'yaml');
  const titles = content.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const [title, second] = titles;
  if (!title) {
    diagnostics.report('missing-title', file, content[0]?.position?.start ?? null, 'Document has no "# Title" heading');
  } else if (second) {
    diagnostics.report('multiple-titles', file, second.position?.start ?? null, `Document has ${titles.length} "#" titles ("${plainText(title)}", "${plainText(second)}")`);
  } else if (plainText(title) === '') {
    diagnostics.report('missing-title', file, title.position?.start ?? null, 'The "#" title is empty');
  }
  if (!title || second || plainText(title) === '' || frontMatterRead === null) return null;
  const body: Root = { type: 'root', children: content.filter((node: RootContent) => node !== title) };
  if (root.position) body.position = root.position;
  widenRaggedTables(body, file, diagnostics);
  reportUnclosedFences(body, text, file, diagnostics);
  return { frontMatter: frontMatterRead.data, frontMatterKeys: frontMatterRead.keys, title, body };
}

/**
 * Front matter remark did not take as YAML: a `---` block never closed, one after blank lines, or
 * TOML between `+++` (Hugo's). Without this check all are published as body text.
 */
function unreadFrontMatter(text: string, file: string, diagnostics: Diagnostics): boolean {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trimEnd();
  if (firstLine === '---' && !/\n(---|\.\.\.)[ \t]*(\n|$)/.test(text.slice(3))) {
    diagnostics.report('yaml-syntax', file, { line: 1, column: 1 }, 'Front matter starts with "---" but is never closed');
    return true;
  }
  // Blank lines above the block make it Markdown (a rule and a heading made of its keys), not front matter.
  const leading = /^(?:[ \t]*\n)+---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (leading) {
    const line = (leading[0].match(/^(?:[ \t]*\n)+/)?.[0].split('\n').length ?? 1);
    diagnostics.report('front-matter-not-first', file, { line, column: 1 }, `Front matter starts on line ${line}, after blank lines, so it is not read as front matter`);
    return true;
  }
  if (firstLine === '+++') {
    diagnostics.report('yaml-syntax', file, { line: 1, column: 1 }, 'Front matter is TOML ("+++"); ladderpress reads YAML front matter only');
    return true;
  }
  return false;
}
