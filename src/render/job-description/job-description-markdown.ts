import path from 'node:path';
import { loadLiquidTemplates } from '../liquid-templates.js';
import type { JobDescriptionView } from './job-description-view.js';

/** The user-editable template: templates/job-description/job-description.liquid. */
const FOLDER = 'job-description';
const NAME = 'job-description';

/** The template's text (part of every job's key) and how to fill it. */
export interface MarkdownTemplate {
  readonly source: string;
  render(view: JobDescriptionView): string;
}

/**
 * Paste-safe Markdown for applicant-tracking systems: the template writes only headings, lists and
 * paragraphs, and every value is escaped so content never turns into markup (no HTML, no links).
 */
export async function loadMarkdownTemplate(templatesDir: string): Promise<MarkdownTemplate> {
  const templates = await loadLiquidTemplates(path.join(templatesDir, FOLDER), [NAME], escapeMarkdown, `${FOLDER}/`);
  return {
    source: templates.sources[`${NAME}.liquid`] ?? '',
    render: (view) => {
      const text = templates.render(NAME, view);
      // Liquid tags leave blank lines behind: at most one between blocks, one newline at the end.
      return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
    },
  };
}

/** Text as Markdown that reads as itself: characters that would start markup get a backslash. */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_~[\]<>|]/g, '\\$&')
    // An entity ("&copy;") would be decoded into another character.
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    // Only punctuation can be escaped: a list number keeps its digits and escapes its dot.
    .replace(/^([#+-])(?=\s)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}
