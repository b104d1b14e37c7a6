import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Diagnostics } from '../../diagnostics.js';
import type { Site } from '../../model/types.js';
import type { DocxLevel } from '../docx/docx-parts.js';
import { renderDocxTask } from '../docx/docx-task.js';
import type { PackOptions } from '../docx/pack-docx.js';

/**
 * The Word posting, made from the template's own Markdown so both files say the same: its lines are
 * headings ("# ", "## "), list items ("- ") and paragraphs (see job-description.liquid), laid out by
 * the DOCX renderer like every other document (styles, reference .docx).
 */
export function jobDescriptionDocx(site: Site, slug: string, markdown: string, pack: PackOptions, diagnostics: Diagnostics): Promise<Uint8Array> {
  const lines = markdown.split('\n');
  const title = unescape(lines.find((line) => line.startsWith('# '))?.slice(2) ?? slug);
  const body: RootContent[] = [];
  for (const line of lines) {
    const last = body.at(-1);
    if (line.startsWith('## ')) body.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: unescape(line.slice(3)) }] });
    else if (line.startsWith('- ')) {
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph(line.slice(2))] };
      if (last?.type === 'list') last.children.push(item);
      else body.push({ type: 'list', ordered: false, spread: false, children: [item] } satisfies List);
    } else if (line.trim() !== '' && !line.startsWith('# ')) body.push(paragraph(line));
  }
  const root: Root = { type: 'root', children: body };
  const level: DocxLevel = { kind: 'level', slug: `${slug}-job-description`, file: `${slug}-job-description.md`, title, titleInline: [{ type: 'text', value: title }], body: root, headings: [], label: title,
    facets: { intro: '', coreQuestion: null, origin: { scope: 'none', skills: 'none', dayToDay: 'none', shifts: 'none' }, scope: [], skills: [], dayToDay: [], transitions: [] },
    delta: null,
    deltaFrom: null,
  };
  return renderDocxTask({ kind: 'level', site, level, pack }, diagnostics);
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: unescape(text) }] };
}

/** The template's Markdown escapes, undone: the document shows the text itself. */
function unescape(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|#+\-.)])/g, '$1');
}
