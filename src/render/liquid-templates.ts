import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';

/** Compiled templates of one folder, by name, and their sources (for cache keys). */
export interface LiquidTemplates<N extends string> {
  render(name: N, data: object): string;
  readonly sources: Readonly<Record<string, string>>;
}

/**
 * The one Liquid loader: reads every `.liquid` file of `dir` once (partials included, sub-folders
 * left to their own renderer) and compiles the named templates once. Strict: an undefined variable or
 * filter is an error, so a missing slot fails the build instead of printing nothing. `escape` is how
 * every printed value is escaped: HTML for the site and print, Markdown for job descriptions.
 */
export async function loadLiquidTemplates<N extends string>(dir: string, names: readonly N[], escape: (value: unknown) => string, shown = ''): Promise<LiquidTemplates<N>> {
  const sources: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith('.liquid')) sources[name] = await readFile(path.join(dir, name), 'utf8');
  }
  const liquid = new Liquid({ templates: sources, extname: '.liquid', cache: true, strictVariables: true, strictFilters: true, outputEscape: escape, jsTruthy: true });
  const compiled = new Map<N, Template[]>();
  for (const name of names) {
    const source = sources[`${name}.liquid`];
    if (source === undefined) throw new Error(`templates: ${path.join(dir, `${name}.liquid`)} is missing`);
    compiled.set(name, liquid.parse(source, `${name}.liquid`));
  }
  return {
    sources,
    render(name, data) {
      const template = compiled.get(name);
      if (!template) throw new Error(`templates: no template "${shown}${name}"`);
      try {
        return liquid.renderSync(template, data) as string;
      } catch (error) {
        throw new Error(`templates: ${shown}${name}.liquid failed: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
