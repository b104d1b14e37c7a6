import { displayDate } from '../display-date.js';
import type { Ladder, Level } from '../../model/types.js';
import { documentView, inlineHtml, type DocumentView } from './document-view.js';
import { profileSheet } from './paper.js';
import { sitePaths } from '../html/site-urls.js';
import { siteUrl, standaloneHref } from './print-links.js';
import type { PrintTemplates } from './print-templates.js';
import type { TrustedHtml } from '../html/trusted-html.js';
import { curl } from '../typeset.js';
import { scopeMarks } from '../scope-marks.js';

/**
 * `drop`: the order in which the one-page fitter removes an element when the sheet overflows — the
 * highest first, 0 never. Computed here, so what a profile keeps is decided by data, deterministically.
 */
interface Droppable {
  readonly drop: number;
}

/**
 * A list the sheet may show only part of: `total` is the level's own count. The fitter writes
 * "+ N more" under any list left shorter than that, so part of a list never passes for all of it.
 */
interface Counted {
  readonly total: number;
}

export interface ProfileView {
  readonly doc: DocumentView;
  readonly eyebrow: string;
  readonly titleHtml: TrustedHtml;
  readonly label: string;
  readonly coreQuestionHtml: TrustedHtml | null;
  readonly intro: Droppable & { readonly text: string };
  /** `fromLadder`: this entry is the overview's, added to the document's own (marked on the sheet). */
  readonly scope: readonly (Droppable & { readonly label: string; readonly valueHtml: TrustedHtml; readonly fromLadder: boolean })[];
  readonly groups: readonly (Droppable & Counted & { readonly name: string; readonly items: readonly (Droppable & { readonly html: TrustedHtml })[] })[];
  /** How many responsibility groups the level has (the sheet may show fewer). */
  readonly groupTotal: number;
  /** `skills`: the skills cell as written. */
  readonly skills: readonly (Droppable & { readonly category: string; readonly skills: TrustedHtml })[];
  readonly skillTotal: number;
  /** All of the scope came from the ladder overview, not the level's document (said once, in the heading). */
  readonly scopeFromLadder: boolean;
  /** Day-to-day highlights: what fills a sparse page, and the very first thing dropped from a full one. */
  /** The rank of the whole week section: it goes with its first period. */
  readonly weekDrop: number;
  readonly week: readonly (Droppable & Counted & { readonly period: string; readonly items: readonly (Droppable & { readonly html: TrustedHtml })[] })[];
  /** "Ready for Beta when you have shown:" — where the role leads; dropped before the essentials. */
  readonly growth: readonly (Droppable & { readonly title: string; readonly items: readonly { readonly html: TrustedHtml }[] })[];
  /** The level's page, absolute; null when the site's URL is unknown. "+ N more" lines link to it. */
  readonly pageUrl: string | null;
  readonly siteTitle: string;
  /** When the level last changed, as the site's language writes a date. */
  readonly updated: string;
}

/** At most this many items per responsibility group are offered to the fitter; more is not a summary. */
const MAX_ITEMS = 4;
/** A typical week: a few periods, a few items each, enough to fill a sparse page. */
const MAX_PERIODS = 4;
const WEEK_ITEMS = 3;

export function profileView(ladder: Ladder, level: Level, index: number, templates: PrintTemplates): ProfileView {
  const href = standaloneHref(ladder.site, level.slug);
  const f = level.facets;
  const groups = f.responsibilities.filter((g) => g.items.length > 0);
  const readiness = f.readiness.filter((r) => r.items.length > 0).slice(0, 2);
  const ranks = dropOrder(groups.map((g) => Math.min(MAX_ITEMS, g.items.length)), f.skills.length, f.scope.length);
  // Readiness criteria are a checklist: all of them or none (a whole list goes, never some items).
  const growthRanks = listsDropOrder('growth', readiness.map(() => 1), ranks.size);
  const periods = f.dayToDay.filter((p) => p.items.length > 0).slice(0, MAX_PERIODS);
  const weekRanks = listsDropOrder('week', periods.map((p) => Math.min(WEEK_ITEMS, p.items.length)), ranks.size + growthRanks.size);
  const sheet = profileSheet(ladder.site.paper);
  const marks = scopeMarks(f.scope);
  return {
    doc: documentView(ladder.site, templates, 'profile', `${level.title} — role profile`, { '--sheet-width': sheet.width, '--sheet-height': sheet.height }),
    eyebrow: `Role profile · Level ${index + 1} of ${ladder.levels.length}`,
    titleHtml: inlineHtml(level.titleInline, href),
    label: level.label,
    coreQuestionHtml: f.coreQuestion ? inlineHtml(f.coreQuestion.children, href) : null,
    intro: { text: curl(f.intro), drop: ranks.get('intro') ?? 0 },
    scope: f.scope.map((s, i) => ({ label: s.label, valueHtml: inlineHtml(s.value.children, href), fromLadder: marks.marked(s), drop: ranks.get(`scope:${i}`) ?? 0 })),
    groupTotal: groups.length,
    groups: groups.map((g, gi) => ({
      name: g.name,
      total: g.items.length,
      drop: ranks.get(`group:${gi}`) ?? 0,
      items: g.items.slice(0, MAX_ITEMS).map((item, ii) => ({ html: inlineHtml(item.children, href), drop: ranks.get(`item:${gi}:${ii}`) ?? 0 })),
    })),
    skills: f.skills.map((s, i) => ({ category: s.category, skills: inlineHtml(s.text.children, href), drop: ranks.get(`skill:${i}`) ?? 0 })),
    skillTotal: f.skills.length,
    scopeFromLadder: marks.allFromLadder,
    weekDrop: weekRanks.get('week:0') ?? 0,
    week: periods.map((p, pi) => ({
      period: p.period,
      total: p.items.length,
      drop: weekRanks.get(`week:${pi}`) ?? 0,
      items: p.items.slice(0, WEEK_ITEMS).map((item, ii) => ({ html: inlineHtml(item.children, href), drop: weekRanks.get(`week:${pi}:${ii}`) ?? 0 })),
    })),
    growth: readiness.map((r, ri) => ({
      title: `Ready for ${r.target.name} when you have shown`,
      drop: growthRanks.get(`growth:${ri}`) ?? 0,
      items: r.items.map((item) => ({ html: inlineHtml(item.children, href) })),
    })),
    pageUrl: ladder.site.url ? siteUrl(ladder.site, sitePaths.level(level.slug)) : null,
    siteTitle: ladder.site.title,
    updated: displayDate(level.updated, ladder.site.language),
  };
}

/**
 * What to give up first when the page is full: extra bullets, spread evenly over the groups (last
 * groups first), then the less central skills, then whole groups beyond the third, then the intro,
 * then down to one bullet per group and two groups. The title, the core question, the first items
 * and the link always stay.
 */
export function dropOrder(itemCounts: readonly number[], skillCount: number, scopeCount: number): Map<string, number> {
  const order: string[] = [];
  const groupsFromLast = itemCounts.map((_, gi) => gi).reverse();
  for (let k = MAX_ITEMS - 1; k >= 2; k -= 1) for (const gi of groupsFromLast) if (k < (itemCounts[gi] ?? 0)) order.push(`item:${gi}:${k}`);
  for (let i = skillCount - 1; i >= 4; i -= 1) order.push(`skill:${i}`);
  for (const gi of groupsFromLast) if (gi >= 3) order.push(`group:${gi}`);
  order.push('intro');
  for (const gi of groupsFromLast) if (1 < (itemCounts[gi] ?? 0)) order.push(`item:${gi}:1`);
  for (let i = skillCount - 1; i >= 2; i -= 1) if (i < 4) order.push(`skill:${i}`);
  for (let i = scopeCount - 1; i >= 3; i -= 1) order.push(`scope:${i}`);
  for (const gi of groupsFromLast) if (gi >= 2 && gi < 3) order.push(`group:${gi}`);
  return new Map(order.map((key, position) => [key, order.length - position]));
}

/**
 * Ranks for optional lists that go before the essentials (`base` and up): extra bullets first, from
 * the last list, then whole lists from the last.
 */
function listsDropOrder(prefix: string, itemCounts: readonly number[], base: number): Map<string, number> {
  const order: string[] = [];
  const fromLast = itemCounts.map((_, i) => i).reverse();
  const longest = Math.max(0, ...itemCounts);
  for (let k = longest - 1; k >= 1; k -= 1) for (const i of fromLast) if (k < (itemCounts[i] ?? 0)) order.push(`${prefix}:${i}:${k}`);
  for (const i of fromLast) order.push(`${prefix}:${i}`);
  return new Map(order.map((key, position) => [key, base + order.length - position]));
}
