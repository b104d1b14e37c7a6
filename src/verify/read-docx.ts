import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';

/** A paragraph of word/document.xml: its style id (Heading1, ListBullet…) and text. */
export interface DocxParagraph {
  readonly style: string | null;
  readonly numbered: boolean;
  readonly text: string;
}

/** What the checks need from a .docx, read from its XML without a Word library. */
export interface DocxFacts {
  readonly paragraphs: readonly DocxParagraph[];
  /** For each table, whether its first row repeats as a header on every page. */
  readonly tableHeaders: readonly boolean[];
  /** numFmt values of word/numbering.xml (bullet, decimal…). */
  readonly numberFormats: ReadonlySet<string>;
  /** Internal hyperlink anchors and the bookmarks they may point at. */
  readonly anchors: readonly string[];
  readonly bookmarks: ReadonlySet<string>;
  readonly text: string;
}

export async function readDocx(file: string): Promise<DocxFacts> {
  const parts = unzipSync(new Uint8Array(await readFile(file)));
  const part = (name: string): string => {
    const data = parts[name];
    return data ? strFromU8(data) : '';
  };
  const document = part('word/document.xml');
  if (document === '') throw new Error('no word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([xml]): DocxParagraph => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null,
    numbered: xml.includes('<w:numPr>'),
    text: runText(xml),
  }));
  const tableHeaders = [...document.matchAll(/<w:tbl>[\s\S]*?<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) => (row ?? '').includes('<w:tblHeader'));
  return {
    paragraphs,
    tableHeaders,
    numberFormats: new Set([...part('word/numbering.xml').matchAll(/<w:numFmt w:val="([^"]+)"/g)].map((match) => match[1] ?? '')),
    anchors: [...document.matchAll(/<w:hyperlink[^>]*w:anchor="([^"]+)"/g)].map((match) => decodeXml(match[1] ?? '')),
    bookmarks: new Set([...document.matchAll(/<w:bookmarkStart[^>]*w:name="([^"]+)"/g)].map((match) => decodeXml(match[1] ?? ''))),
    // Footnotes live in their own parts; a reader sees them at the foot of the page.
    text: [document, part('word/footnotes.xml'), part('word/endnotes.xml')].map(runText).join(' '),
  };
}

/** Text of the w:t runs (and tabs and breaks as spaces) of a piece of WordprocessingML. */
function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>|<\/w:p>/g)].map((match) => (match[1] !== undefined ? decodeXml(match[1]) : ' ')).join('');
}

/** XML character references and the five entities back to text. */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
