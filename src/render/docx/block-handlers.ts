import { Bookmark, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { BlockContent, DefinitionContent, FrontmatterContent, List, ListItem, Nodes, Paragraph as MdastParagraph, RootContent } from 'mdast';
import { htmlText as htmlBlockText } from './html-text.js';
import { inline, inlines, run } from './inline-handlers.js';
import { BULLET_REFERENCE, MAX_LIST_LEVEL, listIndent } from './numbering.js';
import { QUOTE_INDENT, STYLE } from './styles.js';
import type { BlockContext } from './block-context.js';
import { table } from './table.js';

export type { BlockContext } from './block-context.js';

type FlowMap = { [K in (BlockContent | DefinitionContent | FrontmatterContent)['type']]: Extract<Nodes, { type: K }> };
type BlockHandlers = { [K in keyof FlowMap]: (node: FlowMap[K], context: BlockContext) => FileChild[] };

/** One handler per block node type; the type checker proves the map complete. */
export const blockHandlers = {
  paragraph: (node, context) => [paragraph(inlines(node.children, context), context, isPseudoHeading(node))],
  heading: (node, context) => {
    const children = inlines(node.children, context);
    const anchor = context.scope.headingAnchor(node.data?.id);
    return [new Paragraph({ style: STYLE.heading(node.depth + context.scope.headingShift), children: anchor ? [new Bookmark({ id: anchor, children })] : children })];
  },
  thematicBreak: () => [new Paragraph({ style: STYLE.rule })],
  blockquote: (node, context) => blocks(node.children, { ...context, inQuote: true }),
  code: (node, context) => {
    const lines = context.scope.text(node.value, node.position?.start).replace(/\t/g, '    ').split(/\r?\n/);
    const children = lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
    return [new Paragraph({ style: STYLE.sourceCode, children, ...indentFor(context) })];
  },
  html: (node, context) => {
    const text = context.scope.text(htmlBlockText(node.value), node.position?.start);
    if (!text.trim()) return [];
    return text.split('\n').filter((line) => line.trim()).map((line) => paragraph([run(line.trim(), context.marks)], context));
  },
  list: (node, context) => list(node, context),
  table: (node, context) => table(node, context),
  // Link definitions are metadata: their links are rendered where they are used.
  definition: () => [],
  // Footnotes go to Word's footnotes where referenced; unreferenced ones are listed at the end.
  footnoteDefinition: () => [],
  // Front matter is removed by the reader; it is never body text.
  yaml: () => [],
} satisfies BlockHandlers;

export function blocks(nodes: readonly RootContent[], context: BlockContext): FileChild[] {
  const out: FileChild[] = [];
  let phrasing: ParagraphChild[] = [];
  const flush = (): void => {
    if (phrasing.length) out.push(paragraph(phrasing, context));
    phrasing = [];
  };
  let previous: RootContent['type'] | null = null;
  for (const node of nodes) {
    // Word draws one box around touching code paragraphs: keep two code blocks apart.
    if (node.type === 'code' && previous === 'code') out.push(new Paragraph({ style: STYLE.compact }));
    // Word merges two tables that touch: keep them apart. Anything else after a table takes the air
    // below it as its own space before (an empty paragraph would be one the user has to delete).
    if (previous === 'table' && node.type === 'table') out.push(new Paragraph({ style: STYLE.compact }));
    const afterTable = previous === 'table';
    previous = node.type;
    if (isFlow(node)) {
      flush();
      // The map is keyed by node.type; TypeScript cannot correlate the union with its handler.
      const handler = blockHandlers[node.type] as (node: FlowMap[keyof FlowMap], context: BlockContext) => FileChild[];
      out.push(...handler(node, afterTable ? { ...context, afterTable: true } : context));
    } else if (node.type === 'listItem') {
      flush();
      out.push(...listItem(node, Math.min(context.listLevel + 1, MAX_LIST_LEVEL), { reference: BULLET_REFERENCE, instance: 0 }, false, context));
    } else if (node.type === 'tableRow' || node.type === 'tableCell') {
      flush();
      out.push(...table({ type: 'table', children: node.type === 'tableRow' ? [node] : [{ type: 'tableRow', children: [node] }] }, context));
    } else {
      // Phrasing content outside a paragraph (possible in hand-built trees) is gathered into one.
      phrasing.push(...inline(node, context));
    }
  }
  flush();
  return out;
}

function isFlow(node: RootContent): node is FlowMap[keyof FlowMap] {
  return Object.hasOwn(blockHandlers, node.type);
}

/** A body paragraph: Quote inside block quotes, indented under list items. */
function paragraph(children: ParagraphChild[], context: BlockContext, pseudoHeading = false): Paragraph {
  if (context.inQuote) return new Paragraph({ style: STYLE.quote, children, ...indentFor(context) });
  if (context.listLevel >= 0) return new Paragraph({ style: STYLE.listContinue, children, ...indentFor(context) });
  // "**Morning**" and "**Key Actions**" head what follows: keep them on its page.
  if (pseudoHeading) return new Paragraph({ children, keepNext: true, spacing: { before: context.afterTable ? 240 : 160, after: 60 } });
  return new Paragraph({ children, ...(context.afterTable ? { spacing: { before: 200 } } : {}) });
}

/** A paragraph that is all bold: authors use them as headings below ###. */
function isPseudoHeading(node: MdastParagraph): boolean {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && content[0]?.type === 'strong';
}

function indentFor(context: BlockContext): { indent?: { left: number } } {
  return context.listLevel >= 0 ? { indent: { left: listIndent(context.listLevel) } } : {};
}

function list(node: List, context: BlockContext): FileChild[] {
  const level = Math.min(context.listLevel + 1, MAX_LIST_LEVEL);
  const numbering = node.ordered ? context.scope.state.orderedList(level, node.start ?? 1) : { reference: BULLET_REFERENCE, instance: 0 };
  return node.children.flatMap((item) => listItem(item, level, numbering, node.ordered === true, context));
}

/** The item's first paragraph carries the number; the rest of its blocks are indented under it. */
function listItem(item: ListItem, level: number, numbering: { reference: string; instance: number }, ordered: boolean, context: BlockContext): FileChild[] {
  const [first, ...rest] = item.children;
  const checkbox = item.checked === true ? '☒ ' : item.checked === false ? '☐ ' : '';
  const lead = first?.type === 'paragraph' ? inlines(first.children, context) : [];
  const children = checkbox ? [run(checkbox, {}), ...lead] : lead;
  const numbered = new Paragraph({
    // Inside a quote the item keeps the quote's bar and italics; its number comes from numbering.
    style: context.inQuote ? STYLE.quote : ordered ? STYLE.listNumber : STYLE.listBullet,
    numbering: { reference: numbering.reference, level, instance: numbering.instance, custom: true },
    // Bullets line up with the quote's text, so the quote's bar runs straight past them.
    ...(context.inQuote ? { indent: { left: QUOTE_INDENT + 360 * (level + 1), hanging: 360 } } : {}),
    children,
  });
  const inner = { ...context, listLevel: level };
  return [numbered, ...blocks(first?.type === 'paragraph' ? rest : item.children, inner)];
}
