import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import { dataUrl } from './print-body.js';
import { escapeOutput } from '../html/trusted-html.js';

/** The print templates; each must exist as `print/<name>.liquid` in the templates folder. */
export const PRINT_TEMPLATES = ['level', 'profile', 'book', 'header', 'footer'] as const;
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
  const sources: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.liquid')) sources[name] = await readFile(path.join(dir, name), 'utf8');
  }
  const css = await readFile(path.join(dir, 'print.css'), 'utf8');
  const liquid = new Liquid({ templates: sources, extname: '.liquid', cache: true, strictVariables: true, strictFilters: true, outputEscape: escapeOutput, jsTruthy: true });
  const compiled = new Map<PrintTemplate, Template[]>();
  for (const name of PRINT_TEMPLATES) {
    const source = sources[`${name}.liquid`];
    if (source === undefined) throw new Error(`templates: ${path.join(dir, `${name}.liquid`)} is missing`);
    compiled.set(name, liquid.parse(source, `${name}.liquid`));
  }
  return {
    css,
    logo: logo === null ? null : dataUrl(logo),
    render(name, data) {
      const template = compiled.get(name);
      if (!template) throw new Error(`templates: no print template "${name}"`);
      try {
        return liquid.renderSync(template, data) as string;
      } catch (error) {
        throw new Error(`templates: print/${name}.liquid failed: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
