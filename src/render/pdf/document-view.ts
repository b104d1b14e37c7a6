import type { PhrasingContent } from 'mdast';
import type { Level, Site } from '../../model/types.js';
import { mdastToHtml, type LinkHref } from '../html/mdast-to-html.js';
import type { PrintTemplates } from './print-templates.js';
import { trusted, type TrustedHtml } from '../html/trusted-html.js';

/** What every print document's `<head>` and `<html>` need. */
export interface DocumentView {
  readonly lang: string;
  readonly documentTitle: string;
  readonly css: TrustedHtml;
  /** Theme settings as CSS custom properties on `<html style>` (an attribute, so escaping is exact). */
  readonly rootStyle: string;
  readonly kind: 'level' | 'profile' | 'book' | 'checklist';
  /** The theme's logo as a data URL, or null. */
  readonly logo: string | null;
}

export function documentView(site: Site, templates: PrintTemplates, kind: DocumentView['kind'], documentTitle: string, extraStyle: Readonly<Record<string, string>> = {}): DocumentView {
  const t = site.theme;
  const properties: Record<string, string> = {
    '--color-primary': t.colorPrimary,
    '--color-accent': t.colorAccent,
    '--color-text': t.colorText,
    '--font-body': t.fontBody,
    '--font-heading': t.fontHeading,
    '--font-mono': t.fontMono,
    ...extraStyle,
  };
  return {
    lang: site.language,
    documentTitle,
    css: trusted(templates.css),
    rootStyle: Object.entries(properties).map(([name, value]) => `${name}: ${value}`).join('; '),
    kind,
    logo: templates.logo,
  };
}

/** Inline content (a title, a facet item) as trusted HTML. */
export function inlineHtml(children: readonly PhrasingContent[], href: LinkHref): TrustedHtml {
  return trusted(mdastToHtml({ type: 'root', children: [...children] }, href));
}

/** The title block every level shows, in its own PDF and in the book. */
export interface TitleBlockView {
  readonly anchor: string;
  readonly eyebrow: string;
  readonly titleHtml: TrustedHtml;
  readonly label: string;
  readonly coreQuestionHtml: TrustedHtml | null;
}

export function titleBlockView(site: Site, level: Level, index: number, count: number, anchor: string, href: LinkHref): TitleBlockView {
  const question = level.facets.coreQuestion;
  return {
    anchor,
    eyebrow: `${site.title} · Level ${index + 1} of ${count}`,
    titleHtml: inlineHtml(level.titleInline, href),
    label: level.label,
    coreQuestionHtml: question ? inlineHtml(question.children, href) : null,
  };
}
