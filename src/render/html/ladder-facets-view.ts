import type { Ladder, Level } from '../../model/types.js';
import { ladderTableAnchor } from '../ladder-source.js';
import { scopeMarks } from '../scope-marks.js';
import { inlineHtml } from './body-html.js';
import type { LinkHref } from './mdast-to-html.js';
import { trusted, type TrustedHtml } from './trusted-html.js';

interface Entry {
  readonly label: string;
  readonly items: readonly TrustedHtml[];
}

/**
 * The facets a level's own document leaves out and the ladder overview fills (skills, time, key
 * shifts), for the level page: each with a link to the overview table it came from. Scope is shown in
 * the page's header instead, with the same link (`scopeSource`).
 */
export interface LadderFacetsView {
  /**
   * Set when the overview gave some scope entries: the link to its table, and whether it gave all of
   * them (then one note says so; otherwise each entry it added is marked).
   */
  readonly scopeSource: { readonly url: string; readonly all: boolean } | null;
  /** The whole scope when the overview gave some of it (the handout shows it under its title). */
  readonly scope: readonly (Entry & { readonly fromLadder: boolean })[];
  readonly sections: readonly { readonly title: string; readonly url: string; readonly entries: readonly Entry[] }[];
}

/**
 * `href` makes links right where the view is shown; `overviewUrl` gives the overview's URL there, to
 * a heading when the table is under one.
 */
export function ladderFacetsView(ladder: Ladder, level: Level, href: LinkHref, overviewUrl: (anchor: string | null) => string): LadderFacetsView {
  const { facets } = level;
  const inline = (value: { readonly children: Parameters<typeof inlineHtml>[0] }): TrustedHtml => inlineHtml(value.children, href);
  const source = (facet: 'scope' | 'skills' | 'dayToDay' | 'shifts'): string => overviewUrl(ladderTableAnchor(ladder, facet, level.slug));
  const sections: LadderFacetsView['sections'][number][] = [];
  if (facets.origin.skills === 'ladder' && facets.skills.length > 0) {
    sections.push({ title: 'Skills', url: source('skills'), entries: facets.skills.map((skill) => ({ label: skill.category, items: [inline(skill.text)] })) });
  }
  if (facets.origin.dayToDay === 'ladder' && facets.dayToDay.length > 0) {
    sections.push({ title: 'Time', url: source('dayToDay'), entries: facets.dayToDay.map((period) => ({ label: period.period, items: period.items.map(inline) })) });
  }
  if (facets.origin.shifts === 'ladder') {
    const entries = facets.transitions.flatMap((transition) =>
      transition.paths.filter((path) => path.shifts.length > 0).map((path) => ({ label: `To ${path.target.name}`, items: path.shifts.map((shift) => shiftHtml(inline(shift.from), inline(shift.to))) })),
    );
    if (entries.length > 0) sections.push({ title: 'Key shifts', url: source('shifts'), entries });
  }
  const marks = scopeMarks(facets.scope);
  return {
    scopeSource: marks.anyFromLadder ? { url: source('scope'), all: marks.allFromLadder } : null,
    scope: marks.anyFromLadder ? facets.scope.map((entry) => ({ label: entry.label, items: [inline(entry.value)], fromLadder: marks.marked(entry) })) : [],
    sections,
  };
}

function shiftHtml(from: TrustedHtml, to: TrustedHtml): TrustedHtml {
  // Both sides are our own sanitised HTML; an empty side (a one-sided shift) shows the other alone.
  return trusted(from.html && to.html ? `${from.html} → ${to.html}` : from.html || to.html);
}
