import { loadLiquidTemplates } from '../liquid-templates.js';
import { partKeyOf } from '../part-keys.js';
import { escapeOutput } from './trusted-html.js';

/** The page templates the site needs; each must exist as `<name>.liquid` in the templates folder. */
export const PAGE_TEMPLATES = ['layout', '_sidebar', 'home', 'level', 'article', 'compare', 'compare-picker', 'matrix', 'not-found', 'assess'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** Renders a compiled template with plain view data. */
export type RenderTemplate = (name: PageTemplate, data: object) => string;

/** The compiled page templates, and a key that changes whenever any of their sources does. */
export interface SiteTemplates {
  readonly render: RenderTemplate;
  readonly key: string;
}

/**
 * Reads the templates folder once (partials included, `print/` left to the PDF renderer) and compiles
 * the page templates once, escaping every value as HTML unless it is TrustedHtml.
 */
export async function loadSiteTemplates(templatesDir: string): Promise<SiteTemplates> {
  const templates = await loadLiquidTemplates(templatesDir, PAGE_TEMPLATES, escapeOutput);
  return { render: (name, data) => templates.render(name, data), key: partKeyOf(JSON.stringify(templates.sources)) };
}
