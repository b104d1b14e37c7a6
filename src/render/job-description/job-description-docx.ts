import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Site } from '../../model/types.js';
import type { DocxLevel } from '../docx/docx-parts.js';
import type { DocxTask } from '../docx/docx-task.js';
import type { PackOptions } from '../docx/pack-docx.js';

/**
 * The Word posting, made from the template's own Markdown (read by the content's reader, so what a
 * user writes in the template — emphasis, links — is laid out, not shown as marks) so both files say
 * the same. Its "#" heading is the title; the rest is laid out by the DOCX renderer as a level's body
 * (the same styles, the reference .docx).
 */
export function jobDescriptionTask(site: Site, slug: string, blocks: Root, pack: PackOptions): DocxTask {
  const heading = blocks.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const titleInline = heading?.children ?? [{ type: 'text', value: slug }];
  const title = heading ? toString(heading) : slug;
  const body: Root = { type: 'root', children: blocks.children.filter((node) => node !== heading) };
  const level: DocxLevel = { kind: 'level', slug: `${slug}-job-description`, file: `${slug}-job-description.md`, title, titleInline, body, headings: [], label: title,
    facets: { intro: '', coreQuestion: null, origin: { scope: 'none', skills: 'none', dayToDay: 'none', shifts: 'none' }, scope: [], skills: [], dayToDay: [], transitions: [] },
    delta: null,
    deltaFrom: null,
  };
  return { kind: 'level', site, level, pack };
}
