import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { renderContext } from '../helpers/render-context.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import type { Ladder, Level } from '../../src/model/types.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import type { RenderContext } from '../../src/render/render-context.js';

export const KITCHEN_SINK = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');

/** The kitchen-sink ladder with alpha's body replaced, as a hand-built (or buggy) reader could give it. */
export function withBody(ladder: Ladder, body: Root): Ladder {
  const [alpha, ...rest] = ladder.levels;
  if (!alpha) throw new Error('no level');
  const level: Level = { ...alpha, body, headings: [] };
  return { ...ladder, levels: [level, ...rest] };
}

export function docxContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return renderContext(['docx'], overrides);
}

/** Every .docx of a ladder, by output path. */
export async function renderDocx(ladder: Ladder, context: RenderContext = docxContext()): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const job of planDocx(ladder, context)) files.set(job.path, await job.render());
  return files;
}

/** The parts of a .docx as text. */
export function parts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, data]) => [name, strFromU8(data)]));
}

export function part(docx: Uint8Array, name: string): string {
  const text = parts(docx)[name];
  if (text === undefined) throw new Error(`no ${name} in the docx`);
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text Word shows: w:t contents, tabs and breaks as spaces, paragraphs on their own lines. */
export function wordText(xml: string): string {
  let out = '';
  for (const match of xml.matchAll(/<w:p[ >]|<w:(?:tab|br)\b[^>]*\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    if (match[0].startsWith('<w:p')) out += '\n';
    else if (match[1] === undefined) out += ' ';
    else out += match[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
  }
  return out;
}

/** Whitespace collapsed and quotes straightened (documents set them typographically; sources have either). */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').trim();
}

/** Every piece of text the author wrote in a body: text, code, alt text. */
export function sourceTexts(node: Nodes): string[] {
  const out: string[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') out.push(n.value);
    else if (n.type === 'image' || n.type === 'imageReference') out.push(n.alt ?? '');
    else if (n.type === 'html') out.push(n.value.replace(/<[^>]*>/g, ''));
    if ('children' in n) for (const child of n.children) visit(child as Nodes);
  };
  visit(node);
  return out.map(normalise).filter((text) => text !== '');
}

/** One element per line, indented; an element holding only text stays on one line. */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/<\?xml[^>]*\?>/, '').match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token.startsWith('</')) {
      depth--;
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<') && !token.endsWith('/>')) {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push('  '.repeat(depth) + token + text + close);
        i += 2;
      } else {
        lines.push('  '.repeat(depth) + token);
        depth++;
      }
    } else if (token.startsWith('<')) {
      lines.push('  '.repeat(depth) + token);
    } else if (token.trim()) {
      lines.push('  '.repeat(depth) + token);
    }
  }
  return `${lines.join('\n')}\n`;
}
