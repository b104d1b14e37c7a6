import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readInside } from '../../inside-folder.js';
import type { Theme } from '../../model/types.js';
import type { OutputFile, RenderContext } from '../render-context.js';
import { FAVICON, logoFileName } from './layout-view.js';
import { sitePaths } from './site-urls.js';

/**
 * The static files of the site: templates/assets/* as the user wrote them, theme.css from the
 * config's theme, MiniSearch's browser build and the logo.
 */
export async function siteAssets(theme: Theme, context: RenderContext): Promise<OutputFile[]> {
  const dir = path.join(context.templatesDir, 'assets');
  const files: OutputFile[] = [];
  for (const name of (await readdir(dir)).sort()) {
    files.push({ path: sitePaths.asset(name), data: new Uint8Array(await readFile(path.join(dir, name))) });
  }
  files.push({ path: sitePaths.asset('theme.css'), data: themeCss(theme) });
  files.push({ path: sitePaths.asset(FAVICON), data: favicon(theme) });
  files.push({ path: sitePaths.asset('minisearch.js'), data: await miniSearchBrowserBuild() });
  if (theme.logo) {
    // Only files inside the content folder are published: a logo path cannot pull in anything else.
    const logo = await readInside(context.contentDir, path.resolve(context.contentDir, theme.logo)).catch(() => null);
    // renderSite has left out a logo it cannot read, with a warning: this is a race only.
    if (logo) files.push({ path: sitePaths.asset(logoFileName(theme.logo)), data: new Uint8Array(logo) });
  }
  return files;
}

/** The config's fonts and colours as CSS variables; site.css uses only these. */
function themeCss(theme: Theme): string {
  // Font stacks come from the config: keep them to characters a font list needs, so a stray brace
  // or angle bracket cannot end the rule.
  const font = (stack: string): string => stack.replace(/[^\p{L}\p{N} ,"'_.-]/gu, '');
  return [
    '/* Generated from the theme in the config: edit the config, not this file. */',
    ':root {',
    `  --font-body: ${font(theme.fontBody)};`,
    `  --font-heading: ${font(theme.fontHeading)};`,
    `  --font-mono: ${font(theme.fontMono)};`,
    `  --brand: ${theme.colorPrimary};`,
    `  --accent: ${theme.colorAccent};`,
    `  --brand-text: ${theme.colorText};`,
    '}',
    '',
  ].join('\n');
}

/** The header's brand mark as the tab icon: a rounded bar in the brand colour over the accent. */
function favicon(theme: Theme): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    `<rect x="9" y="2" width="14" height="28" rx="4" fill="${theme.colorAccent}"/>`,
    `<rect x="9" y="2" width="14" height="16" rx="4" fill="${theme.colorPrimary}"/>`,
    `<rect x="9" y="12" width="14" height="6" fill="${theme.colorPrimary}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** MiniSearch's UMD build (sets `window.MiniSearch`), without its source-map comment. */
async function miniSearchBrowserBuild(): Promise<string> {
  // The package's exports map hides dist/umd, so find it beside the CommonJS entry point.
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('minisearch')), '..', 'umd', 'index.js');
  return (await readFile(file, 'utf8')).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}
