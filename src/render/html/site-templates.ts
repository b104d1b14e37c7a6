import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import { escapeOutput } from './trusted-html.js';

/** The page templates the site needs; each must exist as `<name>.liquid` in the templates folder. */
export const PAGE_TEMPLATES = ['layout', '_sidebar', 'home', 'level', 'article', 'compare', 'compare-picker', 'matrix', 'not-found', 'assess'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** Renders a compiled template with plain view data. */
export type RenderTemplate = (name: PageTemplate, data: object) => string;

/**
 * Reads every `.liquid` file of the templates folder once (partials included, `print/` left to the PDF
 * renderer) and compiles the page templates once. Strict: an undefined variable or filter is an error,
 * so a missing slot fails the build instead of printing an empty string.
 */
export async function loadSiteTemplates(templatesDir: string): Promise<RenderTemplate> {
  const sources: Record<string, string> = {};
  for (const name of await readdir(templatesDir)) {
    if (name.endsWith('.liquid')) sources[name] = await readFile(path.join(templatesDir, name), 'utf8');
  }
  const liquid = new Liquid({
    templates: sources,
    extname: '.liquid',
    cache: true,
    strictVariables: true,
    strictFilters: true,
    outputEscape: escapeOutput,
    jsTruthy: true,
  });
  const compiled = new Map<PageTemplate, Template[]>();
  for (const name of PAGE_TEMPLATES) {
    const source = sources[`${name}.liquid`];
    if (source === undefined) throw new Error(`templates: ${path.join(templatesDir, `${name}.liquid`)} is missing`);
    compiled.set(name, liquid.parse(source, `${name}.liquid`));
  }
  return (name, data) => {
    const template = compiled.get(name);
    if (!template) throw new Error(`templates: no template "${name}"`);
    try {
      return liquid.renderSync(template, data) as string;
    } catch (error) {
      throw new Error(`templates: ${name}.liquid failed: ${(error as Error).message}`, { cause: error });
    }
  };
}
