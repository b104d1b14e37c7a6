import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Nodes } from 'mdast';
import { renderContext } from '../helpers/render-context.js';
import type { PdfJob } from '../../src/render/pdf/plan-pdfs.js';
import { printPdfs } from '../../src/render/pdf/print-pdfs.js';
import type { OutputFile, RenderContext } from '../../src/render/render-context.js';

/** A render context for the PDF renderer, as the build makes one. */
export function pdfContext(contentDir: string, overrides: Partial<RenderContext> = {}): RenderContext {
  return renderContext(['pdf'], { contentDir, concurrency: 2, ...overrides });
}

/** printPdfs, collecting what it hands over (a streamed book read whole), in the jobs' order. */
export async function printedFiles(jobs: readonly PdfJob[], context: RenderContext, onPrinted: (file: OutputFile) => void = () => {}): Promise<OutputFile[]> {
  const files = new Map<string, OutputFile>();
  await printPdfs(jobs, context, async (made) => {
    const file = 'chunks' in made ? { path: made.path, data: await buffer(made.chunks) } : made;
    files.set(file.path, file);
    onPrinted(file);
  });
  return jobs.flatMap((job) => files.get(job.path) ?? []);
}

/** Writes PDFs to a fresh temp folder so poppler and qpdf can read them; returns the folder. */
export function writeTemp(files: readonly { path: string; data: Uint8Array | string }[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ladderpress-pdf-'));
  for (const file of files) writeFileSync(path.join(dir, file.path), file.data);
  return dir;
}

/** `pdfinfo` as a key → value map. */
export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match ? [[match[1] ?? '', match[2] ?? '']] : [];
  }));
}

/** `pdftotext -raw` (content-stream order, so table cells stay whole), normalised by `normalise`. */
export function pdfText(file: string): string {
  return normalise(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/**
 * Text for comparison: no whitespace, no hyphens (a line may break at a hyphen, or hyphenation may
 * add one), no bidi marks pdftotext puts around right-to-left runs, compatibility forms unified.
 */
export function normalise(text: string): string {
  return straightQuotes(text.normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\s\-\u00ad\u2010\u2011]+/g, ''));
}

/** Typographic quotes as straight ones: documents set them, sources have either. */
export function straightQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Every text a reader sees in a body: text, code, inline code, image alt text. */
export function sourceTexts(tree: Nodes): string[] {
  const texts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') texts.push(node.value);
    if (node.type === 'image' && node.alt) texts.push(node.alt);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return texts.filter((t) => normalise(t).length > 0);
}

/** The outline (bookmarks) as indented titles, read with qpdf, quotes straightened. */
export function outline(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: Outline[] };
  const lines: string[] = [];
  const walk = (items: readonly Outline[], depth: number): void => {
    for (const item of items) {
      lines.push(`${'  '.repeat(depth)}${straightQuotes(item.title)}`);
      walk(item.kids, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return lines;
}

interface Outline {
  readonly title: string;
  readonly kids: readonly Outline[];
}

/** Process ids of every Chromium descended from this process (other suites' browsers are not ours). */
export function ourChromiums(): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 3)
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? '' }));
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) if (ours.has(row.ppid) && !ours.has(row.pid)) (ours.add(row.pid), (grew = true));
  }
  return rows.filter((row) => ours.has(row.pid) && /chrom/i.test(row.comm)).map((row) => row.pid);
}
