import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { listFiles } from './corpus.js';
import { decodeXml } from '../../src/verify/read-docx.js';

const UNSAFE_URL = /^\s*(javascript|data|vbscript|file)\s*:/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'srcSet', 'xLinkHref'];
/** Elements no content may bring into a page (our templates use none of them either). */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base']);
/** Every hostile payload in the corpus calls alert(): it must never reach a script. */
const PAYLOAD = /alert\(|msgbox/;

/** What a user sees of the output, for fidelity checks. */
export interface OutputText {
  readonly html: string;
  readonly docx: string;
}

/**
 * The security invariants of issue 7, over one build's output: no script or event handler from
 * content, no unsafe URL in any page or DOCX relationship, every DOCX part well-formed XML, no
 * `<iframe>`-like element. Returns the problems found (empty: safe) and the text of each format.
 */
export async function checkOutputInvariants(outDir: string): Promise<{ problems: string[]; text: OutputText }> {
  const problems: string[] = [];
  const htmlText: string[] = [];
  const docxText: string[] = [];
  for (const file of await listFiles(outDir)) {
    const full = path.join(outDir, file);
    if (file.endsWith('.html')) {
      const tree = raw({ type: 'root', children: [{ type: 'raw', value: await readFile(full, 'utf8') }] } as Root) as Root;
      walk(tree, (element) => problems.push(...elementProblems(file, element)), htmlText);
    } else if (file.endsWith('.docx')) {
      const { problems: docxProblems, text } = docxInvariants(file, new Uint8Array(await readFile(full)));
      problems.push(...docxProblems);
      docxText.push(text);
    } else if (file.endsWith('.pdf')) {
      problems.push(...pdfProblems(file, await readFile(full, 'latin1')));
    }
  }
  return { problems, text: { html: htmlText.join(' ').replace(/\s+/g, ' '), docx: docxText.join(' ').replace(/\s+/g, ' ') } };
}

function walk(node: Nodes, visit: (element: Element) => void, text: string[]): void {
  if (node.type === 'text') text.push(node.value);
  if (node.type === 'element') {
    visit(node);
    if (node.tagName === 'script' || node.tagName === 'style') return;
    text.push(' ');
  }
  if (node.type === 'element' || node.type === 'root') for (const child of node.children) walk(child, visit, text);
  if (node.type === 'element' && node.tagName === 'template' && node.content) walk(node.content, visit, text);
}

function elementProblems(file: string, element: Element): string[] {
  const problems: string[] = [];
  const where = `${file}: <${element.tagName}>`;
  if (FORBIDDEN_ELEMENTS.has(element.tagName)) problems.push(`${where} must not appear`);
  if (element.tagName === 'script') {
    const body = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    // JSON-LD is data a browser never runs: content may say "alert(1)" there, as long as it stays inside
    // valid JSON (had it closed the element, the rest would be a script of its own, checked here too).
    if (element.properties['type'] === 'application/ld+json') {
      if (!isJson(body)) problems.push(`${where} holds JSON-LD that is not valid JSON: ${body.slice(0, 80)}`);
    } else if (PAYLOAD.test(body)) problems.push(`${where} runs content: ${body.slice(0, 80)}`);
    const src = element.properties['src'];
    if (typeof src === 'string' && /^[a-z]+:|^\/\//i.test(src)) problems.push(`${where} loads a script from ${src}`);
  }
  for (const [name, value] of Object.entries(element.properties)) {
    if (/^on/i.test(name)) problems.push(`${where} has an event handler ${name}="${String(value).slice(0, 60)}"`);
    if (URL_ATTRIBUTES.includes(name) && UNSAFE_URL.test(String(value))) problems.push(`${where} ${name}="${String(value).slice(0, 60)}"`);
    if (name === 'style' && /javascript:|expression\(|url\(/i.test(String(value)) && PAYLOAD.test(String(value))) problems.push(`${where} style from content: ${String(value).slice(0, 60)}`);
  }
  // The search box is our own form; a form that posts elsewhere came from content.
  if (element.tagName === 'form' && /^[a-z]+:|^\/\//i.test(String(element.properties['action'] ?? ''))) problems.push(`${where} posts to ${String(element.properties['action'])}`);
  if (element.tagName === 'meta' && String(element.properties['httpEquiv'] ?? '').toLowerCase() === 'refresh') problems.push(`${where} http-equiv=refresh`);
  return problems;
}

/** Unzips a .docx: every XML part well-formed, no unsafe hyperlink target, no macro or embedded object. */
export function docxInvariants(file: string, bytes: Uint8Array): { problems: string[]; text: string } {
  const problems: string[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (error) {
    return { problems: [`${file}: not a zip (${(error as Error).message})`], text: '' };
  }
  let text = '';
  for (const [name, data] of Object.entries(parts)) {
    if (/vbaProject|\.bin$|activeX|oleObject/i.test(name)) problems.push(`${file}: ${name} must not be in a generated document`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    const valid = XMLValidator.validate(xml);
    if (valid !== true) problems.push(`${file}: ${name} is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
    if (name.endsWith('.rels')) {
      for (const [, target] of xml.matchAll(/Target="([^"]*)"/g)) {
        const decoded = decodeXml(target ?? '');
        if (UNSAFE_URL.test(decoded)) problems.push(`${file}: ${name} has a relationship to ${decoded.slice(0, 60)}`);
      }
    }
    if (/HYPERLINK\s+"?(javascript|data|vbscript|file):/i.test(xml)) problems.push(`${file}: ${name} has a HYPERLINK field to an unsafe URL`);
    if (name === 'word/document.xml') text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
  }
  if (!parts['word/document.xml']) problems.push(`${file}: no word/document.xml`);
  return { problems, text };
}

/** PDF link annotations and actions, read from the raw bytes (Chromium writes them uncompressed). */
function pdfProblems(file: string, latin1: string): string[] {
  const problems: string[] = [];
  for (const [, uri] of latin1.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)) {
    if (UNSAFE_URL.test(uri ?? '')) problems.push(`${file}: link annotation to ${uri?.slice(0, 60)}`);
  }
  if (/\/(JavaScript|JS|Launch)\b/.test(latin1)) problems.push(`${file}: has a JavaScript or Launch action`);
  return problems;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
