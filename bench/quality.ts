import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { HtmlValidate } from 'html-validate';
import type { Nodes as MdastNodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse } from 'parse5';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Workspace } from './workspace.js';

const run = promisify(execFile);

export interface FidelityRow {
  readonly slug: string;
  /** Text blocks of the source found in each output, e.g. { html: '212/212' }. */
  readonly found: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
  /** html-validate (recommended rules) on the page, qpdf --check on the PDF. */
  readonly valid: Readonly<Record<string, string>>;
}

export interface QualityReport {
  readonly checkOk: boolean;
  readonly checkSummary: string;
  readonly fidelity: readonly FidelityRow[] | null;
}

/** `ladderpress check --strict` on the corpus: the reader must understand every generated document. */
export async function checkCorpus(ws: Workspace, bin: string): Promise<QualityReport> {
  const { stdout } = await run('node', [bin, 'check', '--strict', '--json', ws.corpus], { maxBuffer: 1 << 26 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '{}' }),
  );
  const report = JSON.parse(stdout) as { ok?: boolean; errors?: number; warnings?: number; diagnostics?: { code: string }[] };
  const codes = [...new Set((report.diagnostics ?? []).map((d) => d.code))].join(', ');
  return {
    checkOk: report.ok === true && report.warnings === 0,
    checkSummary: `${report.errors ?? '?'} errors, ${report.warnings ?? '?'} warnings${codes ? ` (${codes})` : ''}`,
    fidelity: null,
  };
}

/**
 * A cheap fidelity probe on the built output: every text block (heading, paragraph, list item,
 * table cell) of three role docs must appear in its HTML page, PDF and DOCX — compared as
 * lower-case letters and digits only, so line breaks, hyphenation and typography do not matter.
 */
export async function checkFidelity(ws: Workspace, outDir: string): Promise<FidelityRow[]> {
  const levels = (await readdir(path.join(ws.corpus, 'levels'))).sort();
  const picks = [...new Set([levels[0], levels[Math.floor(levels.length / 2)], levels.at(-1)])].filter((name): name is string => !!name);
  const outputs = await readdir(outDir, { recursive: true }).catch(() => [] as string[]);
  const rows: FidelityRow[] = [];
  for (const name of picks) {
    const slug = name.replace(/\.md$/, '');
    const blocks = sourceBlocks(await readFile(path.join(ws.corpus, 'levels', name), 'utf8'));
    const found: Record<string, string> = {};
    const valid: Record<string, string> = {};
    const missing: string[] = [];
    for (const ext of ['.html', '.pdf', '.docx']) {
      const file = outputs.find((candidate) => candidate.endsWith(ext) && path.basename(candidate, ext) === slug) ?? outputs.find((candidate) => candidate.endsWith(`${slug}/index${ext}`));
      if (!file) {
        found[ext.slice(1)] = 'no file';
        continue;
      }
      valid[ext.slice(1)] = await validate(path.join(outDir, file), ext);
      const text = squash(await extractText(path.join(outDir, file), ext));
      // Numbered action titles may become native list numbering, so the number itself is not required.
      const absent = blocks.filter((block) => !text.includes(squash(block.replace(/^\d+[.)]\s+/, ''))));
      found[ext.slice(1)] = `${blocks.length - absent.length}/${blocks.length}`;
      missing.push(...absent.slice(0, 2).map((block) => `${ext.slice(1)}: ${block.slice(0, 60)}`));
    }
    rows.push({ slug, found, missing, valid });
  }
  return rows;
}

async function validate(file: string, ext: string): Promise<string> {
  if (ext === '.pdf') {
    return run('qpdf', ['--check', file], { maxBuffer: 1 << 24 }).then(
      () => 'qpdf ok',
      (error: { stdout?: string; code?: unknown }) => (error.code === 'ENOENT' ? 'qpdf missing' : `qpdf: ${(error.stdout ?? '').split('\n').find((line) => /error|warning/i.test(line)) ?? 'failed'}`),
    );
  }
  if (ext === '.html') {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(await readFile(file, 'utf8'), file);
    const messages = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    return messages.length === 0 ? 'html-validate ok' : `html-validate: ${messages.length} problems (${[...new Set(messages)].join(', ')})`;
  }
  return '';
}

function sourceBlocks(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(markdown);
  const blocks: string[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const text = toString(node).trim();
      if (text) blocks.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return blocks;
}

function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

async function extractText(file: string, ext: string): Promise<string> {
  if (ext === '.pdf') return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 26 })).stdout;
  if (ext === '.docx') {
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile(file)), { filter: (entry) => entry.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array());
    return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  }
  const texts: string[] = [];
  type Node = { nodeName: string; value?: string; childNodes?: Node[]; content?: Node };
  const walk = (node: Node): void => {
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    if (node.nodeName === '#text' && node.value) texts.push(node.value);
    for (const child of node.content?.childNodes ?? node.childNodes ?? []) walk(child);
  };
  walk(parse(await readFile(file, 'utf8')) as unknown as Node);
  return texts.join(' ');
}
