import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatsNamed } from '../formats.js';
import type { Ladder, Level } from '../model/types.js';
import { htmlFormat } from '../render/html/html-format.js';
import { readDocx, type DocxFacts } from './read-docx.js';
import { readHtml, sharedStrings, type HtmlFacts } from './read-html.js';
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
export async function verifyOutput(outDir: string, ladder: Ladder, formats: ReadonlySet<string>): Promise<VerifyProblem[]> {
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

  const site = formats.has('html');
  const [page] = htmlFormat.level;
  const [articlePage] = htmlFormat.article;
  const documents = [
    ...ladder.levels.map((level) => ({ level, page: page.path(level.slug), texts: [...titleTexts(level), ...sourceTexts(level.body)] })),
    ...ladder.articles.map((article) => ({ level: null, page: articlePage.path(article.slug), texts: [...titleTexts(article), ...sourceTexts(article.body)] })),
  ];
  const pages = new Map<string, HtmlFacts>();
  if (site) {
    const withText = new Set(documents.map((document) => document.page));
    const shared = sharedStrings();
    for (const file of [...files].filter((name) => name.endsWith('.html')).sort()) {
      const facts = await read(file, (full) => readHtml(full, withText.has(file), shared));
      if (facts) pages.set(file, facts);
    }
    problems.push(...verifyInternalLinks(pages, files));
  }
  const documentFormats = formatsNamed(formats).filter((format) => format.kind === 'documents');
  for (const { level, page, texts } of documents) {
    if (site) {
      const facts = pages.get(page);
      if (facts) problems.push(...verifyFidelity(page, facts.text, texts));
      else if (!problems.some((problem) => problem.file === page)) problems.push({ check: 'missing-file', file: page, message: 'Not in the output' });
    }
    if (!level) continue;
    for (const file of documentFormats.flatMap((format) => format.level)) {
      const name = file.path(level.slug);
      const check = LEVEL_CHECKS[file.kind];
      const found = await read(name, (full) => (check ? check(name, full, level, texts) : Promise.resolve([])));
      if (found) problems.push(...found);
    }
  }
  for (const file of documentFormats.flatMap((format) => format.ladder)) await read(file.path, LADDER_READERS[file.kind] ?? (() => Promise.resolve(null)));
  return problems;
}

type LevelCheck = (file: string, full: string, level: Level, texts: readonly SourceText[]) => Promise<VerifyProblem[]>;

/** What each kind of level document must show: its outline and every source text. Other kinds are checked to exist. */
const LEVEL_CHECKS: Readonly<Record<string, LevelCheck>> = {
  pdf: async (file, full, level, texts) => {
    const pdf: PdfFacts = await readPdf(full, true);
    return [...verifyLevelOutline(file, pdf, level), ...verifyFidelity(file, pdf.text, texts, true)];
  },
  profile: async (file, full) => verifyProfilePages(file, await readPdf(full, false)),
  docx: async (file, full, level, texts) => {
    const docx: DocxFacts = await readDocx(full);
    return [...verifyLevelDocx(file, docx, level), ...verifyFidelity(file, docx.text, texts)];
  },
};

/** Books are read back whole: a file that does not open is a problem. */
const LADDER_READERS: Readonly<Record<string, (full: string) => Promise<unknown>>> = {
  pdf: (full) => readPdf(full, false),
  docx: readDocx,
};

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
