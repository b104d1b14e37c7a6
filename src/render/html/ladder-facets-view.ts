import type { Ladder, Level } from '../../model/types.js';
import { ladderTableAnchor } from '../ladder-source.js';
import { inlineHtml } from './body-html.js';
import { sitePaths, type PageUrls } from './site-urls.js';
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
  readonly scopeSource: { readonly url: string } | null;
  readonly sections: readonly { readonly title: string; readonly url: string; readonly entries: readonly Entry[] }[];
}

export function ladderFacetsView(ladder: Ladder, level: Level, urls: PageUrls): LadderFacetsView {
  const { facets } = level;
  const inline = (value: { readonly children: Parameters<typeof inlineHtml>[0] }): TrustedHtml => inlineHtml(value.children, urls.href);
  const source = (facet: 'scope' | 'skills' | 'dayToDay' | 'shifts'): string => {
    const anchor = ladderTableAnchor(ladder, facet, level.slug);
    return urls.to(sitePaths.home + (anchor ? `#${anchor}` : ''));
  };
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
  return {
    scopeSource: facets.origin.scope === 'ladder' && facets.scope.length > 0 ? { url: source('scope') } : null,
    sections,
  };
}

function shiftHtml(from: TrustedHtml, to: TrustedHtml): TrustedHtml {
  // Both sides are our own sanitised HTML; an empty side (a one-sided shift) shows the other alone.
  return trusted(from.html && to.html ? `${from.html} → ${to.html}` : from.html || to.html);
}
