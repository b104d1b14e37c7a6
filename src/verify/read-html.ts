import { readFile } from 'node:fs/promises';
import { Tokenizer, TokenizerMode } from 'parse5';

/** What the checks need from a page: the text a reader sees, its ids and the URLs it refers to. */
export interface HtmlFacts {
  readonly text: string;
  readonly ids: ReadonlySet<string>;
  /** href and src values, as written. */
  readonly urls: ReadonlySet<string>;
}

/**
 * Elements whose content the tokenizer must read as text, as parse5's tree builder tells it. With
 * scripting off, as the renderer parses: <noscript> holds markup, whose links are checked too.
 */
const TEXT_CONTENT: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Elements whose text a reader does not see. */
const UNSEEN = new Set(['script', 'style']);

/**
 * Reads a page with parse5's tokenizer (the parser the renderer itself uses) without building its
 * tree: at 500 levels the site is 253 MB of HTML, and a tree per page made reading it back peak at
 * over 1 GB. Content of <template> is not part of the page (a tree keeps it apart too). Only level
 * and article pages are checked for their text (`withText`). Every page links to every level, so
 * `shared` hands out one copy of each id and URL for all the pages: the pages' own copies were
 * 170 MB of live heap at 500 levels, shared they are 45 MB.
 */
export async function readHtml(file: string, withText: boolean, shared: (value: string) => string): Promise<HtmlFacts> {
  const html = await readFile(file, 'utf8');
  const text: string[] = [];
  const ids = new Set<string>();
  const urls = new Set<string>();
  let inTemplate = 0;
  let inForeign = 0;
  let unseen: string | null = null;
  const characters = (token: { chars: string }): void => {
    if (withText && inTemplate === 0 && unseen === null) text.push(token.chars);
  };
  const tokenizer: Tokenizer = new Tokenizer({}, {
    onStartTag(token) {
      const name = token.tagName;
      if (name === 'template') inTemplate += 1;
      if (inTemplate > 0) return;
      for (const { name: attribute, value } of token.attrs) {
        if (attribute === 'id') ids.add(shared(value));
        else if (attribute === 'href' || attribute === 'src') urls.add(shared(value));
      }
      if (withText) text.push(' ');
      if (name === 'svg' || name === 'math') {
        if (!token.selfClosing) inForeign += 1;
      } else if (inForeign === 0 && !token.selfClosing) {
        const mode = TEXT_CONTENT[name];
        if (mode !== undefined) tokenizer.state = mode;
        if (UNSEEN.has(name)) unseen = name;
      }
      tokenizer.inForeignNode = inForeign > 0;
    },
    onEndTag(token) {
      const name = token.tagName;
      if (name === 'template') inTemplate = Math.max(0, inTemplate - 1);
      else if ((name === 'svg' || name === 'math') && inForeign > 0) inForeign -= 1;
      if (name === unseen) unseen = null;
      tokenizer.inForeignNode = inForeign > 0;
    },
    onCharacter: characters,
    onWhitespaceCharacter: characters,
    onNullCharacter: () => {},
    onComment: () => {},
    onDoctype: () => {},
    onEof: () => {},
  });
  tokenizer.write(html, true);
  return { text: text.join(''), ids, urls };
}

/** One copy of each string, made from its characters alone: a slice of a page's source would keep the whole page. */
export function sharedStrings(): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let copy = known.get(value);
    if (copy === undefined) known.set(value, (copy = Buffer.from(value, 'utf8').toString('utf8')));
    return copy;
  };
}
