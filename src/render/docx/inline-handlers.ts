import { ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Nodes, PhrasingContent, PhrasingContentMap } from 'mdast';
import type { LinkTarget } from '../../model/types.js';
import type { BodyScope, DocxLink } from './docx-state.js';
import { htmlText } from './html-text.js';
import { imageRun } from './image-run.js';
import { STYLE } from './styles.js';

/** Direct formatting inherited from the enclosing phrasing nodes, as Word's Ctrl+B / Ctrl+I apply it. */
export interface Marks {
  readonly bold?: true;
  readonly italics?: true;
  readonly strike?: true;
  readonly code?: true;
  readonly link?: true;
}

export interface InlineContext {
  readonly scope: BodyScope;
  readonly marks: Marks;
  /** Renders a footnote's content (blocks) for the document's footnotes part. */
  readonly footnote: (identifier: string) => number | null;
}

type InlineHandlers = { [K in keyof PhrasingContentMap]: (node: PhrasingContentMap[K], context: InlineContext) => ParagraphChild[] };

/** One handler per phrasing node type; the type checker proves the map complete. */
export const inlineHandlers = {
  text: (node, context) => [run(context.scope.text(node.value, node.position?.start).replace(/\r?\n/g, ' '), context.marks)],
  emphasis: (node, context) => inlines(node.children, { ...context, marks: { ...context.marks, italics: true } }),
  strong: (node, context) => inlines(node.children, { ...context, marks: { ...context.marks, bold: true } }),
  delete: (node, context) => inlines(node.children, { ...context, marks: { ...context.marks, strike: true } }),
  inlineCode: (node, context) => [run(context.scope.text(node.value, node.position?.start).replace(/\r?\n/g, ' '), { ...context.marks, code: true })],
  break: () => [new TextRun({ break: 1 })],
  link: (node, context) => hyperlink(context.scope.link(node.url, node.data?.target), node.children, context),
  linkReference: (node, context) => {
    const definition = context.scope.definitions.get(node.identifier);
    if (!definition) return [run(`[`, context.marks), ...inlines(node.children, context), run(`]`, context.marks)];
    return hyperlink(context.scope.link(definition.url, definition.data?.target), node.children, context);
  },
  image: (node, context) => imageText(node.alt ?? '', node.url, node.data?.target, node, context),
  imageReference: (node, context) => {
    const definition = context.scope.definitions.get(node.identifier);
    return imageText(node.alt ?? '', definition?.url ?? '', definition ? definition.data?.target : { kind: 'unsafe' }, node, context);
  },
  footnoteReference: (node, context) => {
    const id = context.footnote(node.identifier);
    return id === null ? [run(`[^${context.scope.text(node.label ?? node.identifier, node.position?.start)}]`, context.marks)] : [new FootnoteReferenceRun(id)];
  },
  html: (node, context) => {
    const text = htmlText(node.value);
    if (text === '\n') return [new TextRun({ break: 1 })];
    return text ? [run(context.scope.text(text, node.position?.start), context.marks)] : [];
  },
} satisfies InlineHandlers;

/**
 * Inline HTML arrives as separate nodes: `<script>`, the text, `</script>`. The site's sanitiser
 * drops a script with its content, so the text between those tags is left out here too.
 */
export function inlines(nodes: readonly PhrasingContent[], context: InlineContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let inScript = false;
  for (const node of nodes) {
    if (node.type === 'html' && /<script\b/i.test(node.value) && !/<\/script\s*>/i.test(node.value)) inScript = true;
    else if (inScript && node.type === 'html' && /<\/script\s*>/i.test(node.value)) inScript = false;
    else if (!inScript) out.push(...inline(node, context));
  }
  return out;
}

export function inline(node: PhrasingContent, context: InlineContext): ParagraphChild[] {
  // The map is keyed by node.type; TypeScript cannot correlate the union with its handler.
  const handler = inlineHandlers[node.type] as (node: PhrasingContent, context: InlineContext) => ParagraphChild[];
  return handler(node, context);
}

export function run(text: string, marks: Marks): TextRun {
  const style = marks.code ? STYLE.verbatim : marks.link ? STYLE.hyperlink : undefined;
  return new TextRun({
    text,
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.strike ? { strike: true } : {}),
    ...(style ? { style } : {}),
  });
}

function hyperlink(link: DocxLink | null, children: readonly PhrasingContent[], context: InlineContext): ParagraphChild[] {
  // Unresolved, unsafe and empty links keep their text, without a link.
  if (!link) return inlines(children, context);
  const runs = inlines(children, { ...context, marks: { ...context.marks, link: true } });
  if (runs.length === 0) return [];
  return link.kind === 'internal' ? [new InternalHyperlink({ anchor: link.anchor, children: runs })] : [new ExternalHyperlink({ link: link.url, children: runs })];
}

/**
 * A content image Word can show is embedded, scaled to the text width. Others are not fetched (builds
 * are offline and deterministic; SVG needs a raster fallback we cannot draw): their alt text stands
 * in, in italics, linked to the image when its URL is safe.
 */
function imageText(alt: string, url: string, target: LinkTarget | undefined, node: Nodes, context: InlineContext): ParagraphChild[] {
  const { state } = context.scope;
  const image = target?.kind === 'asset' ? state.media.images.get(target.path) : undefined;
  if (image) return [imageRun(image, { id: state.nextDrawingId(), alt: context.scope.text(alt, node.position?.start), maxWidth: state.media.maxWidth })];
  const label = alt.trim() || url.slice(url.lastIndexOf('/') + 1) || 'image';
  const text: PhrasingContent = { type: 'text', value: `[${label}]`, ...(node.position ? { position: node.position } : {}) };
  const italic = { ...context, marks: { ...context.marks, italics: true as const } };
  if (context.marks.link) return inlines([text], italic);
  return hyperlink(context.scope.link(url, target), [text], italic);
}
