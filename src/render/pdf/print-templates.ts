import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLiquidTemplates } from '../liquid-templates.js';
import { dataUrl } from './print-body.js';
import { escapeOutput } from '../html/trusted-html.js';

/** The print templates; each must exist as `print/<name>.liquid` in the templates folder. */
export const PRINT_TEMPLATES = ['level', 'profile', 'book', 'checklist', 'header', 'footer'] as const;
export type PrintTemplate = (typeof PRINT_TEMPLATES)[number];

export interface PrintTemplates {
  render(name: PrintTemplate, data: object): string;
  /** The print stylesheet, inlined into every document so a job's key covers it. */
  readonly css: string;
  /** The theme's logo as a data URL (a missing logo is reported by the site), or null. */
  readonly logo: string | null;
}

/**
 * Reads `templates/print/` once and compiles every template once. Strict like the site: an undefined
 * variable or filter is an error, so a missing slot fails the build instead of printing nothing.
 */
export async function loadPrintTemplates(templatesDir: string, logo: string | null = null): Promise<PrintTemplates> {
  const dir = path.join(templatesDir, 'print');
  const templates = await loadLiquidTemplates(dir, PRINT_TEMPLATES, escapeOutput, 'print/');
  const css = await readFile(path.join(dir, 'print.css'), 'utf8');
  return { css, logo: logo === null ? null : dataUrl(logo), render: (name, data) => templates.render(name, data) };
}
