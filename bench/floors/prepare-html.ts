import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const CSS = `body{font:11pt/1.45 system-ui,sans-serif;margin:0}h1{font-size:22pt}h2{font-size:15pt;break-after:avoid}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3pt 5pt;vertical-align:top}tr{break-inside:avoid}`;

/**
 * The input of the PDF floor, made before timing: each document as a simple self-contained HTML
 * page (no fonts to fetch, no scripts), so the floor measures Chromium's layout and printing alone.
 */
export async function prepareFloorHtml(flatDir: string, outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const names = (await readdir(flatDir)).filter((name) => name.endsWith('.md')).sort();
  for (const name of names) {
    const body = String(await processor.process(await readFile(path.join(flatDir, name), 'utf8')));
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>${CSS}</style></head><body>${body}</body></html>`;
    await writeFile(path.join(outDir, name.replace(/\.md$/, '.html')), html);
  }
  return names.length;
}
