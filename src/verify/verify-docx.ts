import type { Nodes } from 'mdast';
import type { Level } from '../model/types.js';
import { comparableText } from './comparable-text.js';
import type { DocxFacts } from './read-docx.js';
import type { VerifyProblem } from './verify-problem.js';

/**
 * A level's Word document is editable like a hand-made one: headings use Word's Heading styles
 * (`##` → Heading 1, as Pandoc maps them under a Title), lists are real numbering, and table
 * header rows repeat on every page.
 */
export function verifyLevelDocx(file: string, docx: DocxFacts, level: Level): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const headings = new Set(docx.paragraphs.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => comparableText(p.text)));
  const unstyled = level.headings.filter((heading) => !headings.has(comparableText(heading.text)));
  if (unstyled.length > 0) {
    problems.push({ check: 'docx-headings', file, message: `${unstyled.length} heading(s) without a Heading style, first "${unstyled[0]?.text}"` });
  }
  const lists = countLists(level.body);
  if (lists.items > 0 && !docx.paragraphs.some((p) => p.numbered)) problems.push({ check: 'docx-numbering', file, message: `${lists.items} list items but no numbered paragraph` });
  if (lists.ordered && !docx.numberFormats.has('decimal')) problems.push({ check: 'docx-numbering', file, message: 'Ordered lists but no decimal numbering definition' });
  const bare = docx.tableHeaders.filter((repeats) => !repeats).length;
  if (bare > 0) problems.push({ check: 'docx-table-header', file, message: `${bare} of ${docx.tableHeaders.length} tables do not repeat their header row` });
  const broken = docx.anchors.filter((anchor) => !docx.bookmarks.has(anchor));
  if (broken.length > 0) problems.push({ check: 'internal-link', file, message: `${broken.length} link(s) to missing bookmarks, first "${broken[0]}"` });
  return problems;
}

function countLists(node: Nodes): { items: number; ordered: boolean } {
  let items = 0;
  let ordered = false;
  const visit = (current: Nodes): void => {
    if (current.type === 'list') {
      items += current.children.length;
      ordered ||= current.ordered === true;
    }
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return { items, ordered };
}
