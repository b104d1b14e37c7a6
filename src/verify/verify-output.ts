import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Ladder, Level } from '../model/types.js';
import type { Format } from '../render/render-context.js';
import { readDocx, type DocxFacts } from './read-docx.js';
import { readHtml, type HtmlFacts } from './read-html.js';
import { readPdf, type PdfFacts } from './read-pdf.js';
import { phrasingSegments, sourceTexts } from './source-texts.js';
import { verifyLevelDocx } from './verify-docx.js';
import { verifyFidelity, type SourceText } from './verify-fidelity.js';
import { verifyInternalLinks } from './verify-links.js';
import { verifyLevelOutline, verifyProfilePages } from './verify-pdf.js';
import type { VerifyProblem } from './verify-problem.js';

export type { VerifyProblem } from './verify-problem.js';

/**
 * `ladderpress build --verify`: reads the built artefacts back and checks what the model promises.
 * Each level's PDF has an outline of its headings and a one-page profile; each DOCX has Heading
 * styles, list numbering and repeating table headers; every internal link resolves; every source
 * text is in every format. Returns the problems (empty: the output is sound).
 */
export async function verifyOutput(outDir: string, ladder: Ladder, formats: ReadonlySet<Format>): Promise<VerifyProblem[]> {
  const files = new Set(await listFiles(outDir));
  const problems: VerifyProblem[] = [];
  const read = async <T>(file: string, reader: (full: string) => Promise<T>): Promise<T | null> => {
    if (!files.has(file)) {
      problems.push({ check: 'missing-file', file, message: 'Not in the output' });
      return null;
    }
    try {
      return await reader(path.join(outDir, ...file.split('/')));
    } catch (error) {
      problems.push({ check: 'unreadable-file', file, message: `Cannot be read back: ${(error as Error).message}` });
      return null;
    }
  };

  const pages = new Map<string, HtmlFacts>();
  if (formats.has('html')) {
    for (const file of [...files].filter((name) => name.endsWith('.html')).sort()) {
      const facts = await read(file, readHtml);
      if (facts) pages.set(file, facts);
    }
    problems.push(...verifyInternalLinks(pages, files));
  }
  const documents = [
    ...ladder.levels.map((level) => ({ level, page: `${level.slug}.html`, texts: [...titleTexts(level), ...sourceTexts(level.body)] })),
    ...ladder.articles.map((article) => ({ level: null, page: `articles/${article.slug}.html`, texts: [...titleTexts(article), ...sourceTexts(article.body)] })),
  ];
  for (const { level, page, texts } of documents) {
    if (formats.has('html')) {
      const facts = pages.get(page);
      if (facts) problems.push(...verifyFidelity(page, facts.text, texts));
      else if (!problems.some((problem) => problem.file === page)) problems.push({ check: 'missing-file', file: page, message: 'Not in the output' });
    }
    if (!level) continue;
    if (formats.has('pdf')) {
      const pdf: PdfFacts | null = await read(`${level.slug}.pdf`, (full) => readPdf(full, true));
      if (pdf) problems.push(...verifyLevelOutline(`${level.slug}.pdf`, pdf, level), ...verifyFidelity(`${level.slug}.pdf`, pdf.text, texts, true));
      const profile = await read(`${level.slug}-profile.pdf`, (full) => readPdf(full, false));
      if (profile) problems.push(...verifyProfilePages(`${level.slug}-profile.pdf`, profile));
    }
    if (formats.has('docx')) {
      const docx: DocxFacts | null = await read(`${level.slug}.docx`, readDocx);
      if (docx) problems.push(...verifyLevelDocx(`${level.slug}.docx`, docx, level), ...verifyFidelity(`${level.slug}.docx`, docx.text, texts));
    }
  }
  if (formats.has('pdf')) await read('ladder.pdf', (full) => readPdf(full, false));
  if (formats.has('docx')) await read('ladder.docx', readDocx);
  return problems;
}

/**
 * A title from the `#` heading is checked like any heading; one set in front matter may be shown
 * as given or as the heading reads, so either will do.
 */
function titleTexts(document: { readonly title: string; readonly titleInline: Level['titleInline']; readonly frontMatter: Level['frontMatter'] }): SourceText[] {
  const heading = phrasingSegments(document.titleInline);
  return typeof document.frontMatter['title'] === 'string' ? [[document.title, heading.join(' ')]] : heading;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
