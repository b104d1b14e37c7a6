import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import { truncate } from './truncate.js';

/** Section labels of an article summary, by what they hold. */
export const ARTICLE_SECTIONS = {
  theme: /^(central|main) theme$|^theme$|^summary$|^overview$/i,
  pillars: /^(key )?pillars\b|^(core|key) principles$|^key responsibilities$/i,
  findings: /^key findings\b|^findings$|^key (arguments|takeaways|points)$/i,
  conclusion: /^conclusions?$|^final thoughts$|^bottom line$/i,
  mentoring: /^mentoring questions?$|^reflection( questions?)?$|^question to reflect on$/i,
} as const;

/** Lines scraped from the web page around the summary; never published. */
const BOILERPLATE = [
  /^leave a (reply|comment)\b/i,
  /^you must be (logged|signed) in\b/i,
  /^(share|like) this:?$/i,
  /^like loading/i,
  /^loading…?\.{0,3}$/i,
  /^related( posts| articles)?:?$/i,
  /^cancel reply$/i,
  /^your email address will not be published/i,
  /^(posted|filed) in\b/i,
  /^tags?:/i,
  /^(subscribe|sign up)\b.*(newsletter|updates)?/i,
  /^click to (share|print|email)/i,
  /^\d+ (comments?|responses?|claps?)$/i,
  /^(reply|report this( ad)?|advertisements?)$/i,
];

const BULLET = /^([-•*–·▪])\s+(.*)$/;
const SOURCE = /^source\s*:\s*(.*)$/i;

export interface ArticleText {
  /** The summary as mdast: labels become `##` headings, bullets lists, `Name: text` bullets strong names. */
  readonly body: Root;
  readonly source: { readonly url: string; readonly line: number } | null;
}

/**
 * Reads the plain-text summary format. `firstLine` is the file line of `lines[0]` (after any front
 * matter); every node gets its real source position.
 */
export function readArticleText(lines: readonly string[], firstLine: number, firstOffset: number, file: string, diagnostics: Diagnostics): ArticleText {
  const children: RootContent[] = [];
  let list: List | null = null;
  let source: ArticleText['source'] = null;
  let sourceSeen = false;
  let nextLineStart = firstOffset;
  lines.forEach((raw, index) => {
    const lineNumber = firstLine + index;
    const lineStart = nextLineStart;
    nextLineStart += raw.length + 1;
    const line = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    const at = (column: number, length: number) => position(lineNumber, lineStart, indent + column, length);
    if (line === '' || BOILERPLATE.some((pattern) => pattern.test(line))) {
      if (line !== '') list = null;
      return;
    }
    const sourceMatch = SOURCE.exec(line);
    if (sourceMatch && !sourceSeen) {
      sourceSeen = true;
      list = null;
      const url = sourceMatch[1]?.trim() ?? '';
      const valid = isHttpUrl(url);
      if (valid) source = { url, line: lineNumber };
      else diagnostics.report('article-source', file, { line: lineNumber, column: indent + 1 }, url ? `Source "${truncate(url)}" is not an http(s) URL` : 'Source line has no URL');
      children.push(sourceParagraph(line, url, valid, at));
      return;
    }
    if (sourceSeen) {
      diagnostics.report('article-trailing-text', file, { line: lineNumber, column: indent + 1 }, `Text after the Source line: "${truncate(line)}"`);
    }
    const label = sectionLabel(line);
    if (label !== null && !sourceSeen) {
      list = null;
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: label, position: at(line.indexOf(label), label.length) }], position: at(0, line.length) });
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const text = bullet[2] ?? '';
      const item: ListItem = { type: 'listItem', spread: false, children: [namedParagraph(text, at(line.length - text.length, text.length))], position: at(0, line.length) };
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [], position: at(0, line.length) };
        children.push(list);
      }
      list.children.push(item);
      if (list.position) list.position.end = at(0, line.length).end;
      return;
    }
    list = null;
    children.push({ type: 'paragraph', children: [{ type: 'text', value: line, position: at(0, line.length) }], position: at(0, line.length) });
  });
  if (!sourceSeen) diagnostics.report('article-source', file, { line: firstLine + lines.length - 1, column: 1 }, 'Article has no "Source:" line');
  return { body: { type: 'root', children }, source };
}

/** A known label, a Markdown heading, or a short title-like line with no sentence punctuation. */
function sectionLabel(line: string): string | null {
  const markdownHeading = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
  if (markdownHeading?.[1]) return markdownHeading[1];
  const bare = line.replace(/:$/, '');
  if (Object.values(ARTICLE_SECTIONS).some((pattern) => pattern.test(bare))) return bare;
  const words = bare.split(/\s+/);
  const titleLike = words.length <= 6 && bare.length <= 50 && /^\p{Lu}/u.test(bare) && !/[.,;:!?…"”’)]$/.test(bare) && !/:\s|https?:/.test(bare);
  return titleLike && !BULLET.test(line) ? bare : null;
}

/** `Name: text` → **Name**: text, when the part before the colon reads like a name. */
function namedParagraph(text: string, at: ReturnType<typeof position>): Paragraph {
  const colon = text.indexOf(': ');
  const name = colon > 0 ? text.slice(0, colon) : '';
  const isName = colon > 0 && colon <= 80 && !/https?:|[!?]/.test(name) && name.split(/\s+/).length <= 10;
  const start = at.start.column;
  const line = at.start.line;
  const lineStart = at.start.offset - at.start.column + 1;
  const children: PhrasingContent[] = isName
    ? [
        { type: 'strong', children: [{ type: 'text', value: name, position: position(line, lineStart, start - 1, name.length) }], position: position(line, lineStart, start - 1, name.length) },
        { type: 'text', value: text.slice(colon), position: position(line, lineStart, start - 1 + colon, text.length - colon) },
      ]
    : [{ type: 'text', value: text, position: at }];
  return { type: 'paragraph', children, position: at };
}

function sourceParagraph(line: string, url: string, valid: boolean, at: (column: number, length: number) => ReturnType<typeof position>): Paragraph {
  const urlColumn = line.lastIndexOf(url);
  const prefix = line.slice(0, urlColumn);
  if (!valid || !url) return { type: 'paragraph', children: [{ type: 'text', value: line, position: at(0, line.length) }], position: at(0, line.length) };
  return {
    type: 'paragraph',
    children: [
      { type: 'text', value: prefix, position: at(0, prefix.length) },
      { type: 'link', url, title: null, children: [{ type: 'text', value: url, position: at(urlColumn, url.length) }], position: at(urlColumn, url.length) },
    ],
    position: at(0, line.length),
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Position of `length` characters at 0-based `column` of a 1-based line starting at `lineStart`. */
function position(line: number, lineStart: number, column: number, length: number) {
  return {
    start: { line, column: column + 1, offset: lineStart + column },
    end: { line, column: column + 1 + length, offset: lineStart + column + length },
  };
}
