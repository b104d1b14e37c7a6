import { levelDelta } from '../../model/level-delta.js';
import type { Inline, Ladder, Level, LevelDelta } from '../../model/types.js';
import { inlineHtml } from './body-html.js';
import { deltaView } from './delta-view.js';
import { scopeMarks } from '../scope-marks.js';
import type { PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

/** One labelled list inside a comparison cell ("Strategic Leadership" and its bullets). */
interface FacetGroup {
  readonly heading: string | null;
  readonly items: readonly TrustedHtml[];
  /** A scope entry the overview added to the level's own (marked; a cell all from the overview says so once). */
  readonly fromLadder: boolean;
}

interface FacetCell {
  readonly slug: string;
  readonly empty: boolean;
  readonly groups: readonly FacetGroup[];
  /** The level's document is silent here; the ladder overview filled it. */
  readonly fromLadder: boolean;
}

/** The facets compared, in the order a reader weighs two levels. */
const FACETS: readonly {
  readonly name: string;
  readonly groups: (level: Level, inline: (value: Inline) => TrustedHtml) => FacetGroup[];
  readonly fromLadder?: (level: Level) => boolean;
}[] = [
  { name: 'Core question', groups: (level, inline) => (level.facets.coreQuestion ? [{ heading: null, items: [inline(level.facets.coreQuestion)], fromLadder: false }] : []) },
  {
    name: 'Scope',
    groups: (level, inline) => {
      const marks = scopeMarks(level.facets.scope);
      return level.facets.scope.map((entry) => ({ heading: entry.label, items: [inline(entry.value)], fromLadder: marks.marked(entry) }));
    },
    fromLadder: (level) => scopeMarks(level.facets.scope).allFromLadder,
  },
  { name: 'Responsibilities', groups: (level, inline) => level.facets.responsibilities.map((group) => ({ heading: group.name, items: group.items.map(inline), fromLadder: false })) },
  {
    name: 'Skills',
    groups: (level, inline) => level.facets.skills.map((skill) => ({ heading: skill.category, items: [inline(skill.text)], fromLadder: false })),
    fromLadder: (level) => level.facets.origin.skills === 'ladder',
  },
  {
    name: 'Day-to-day',
    groups: (level, inline) => level.facets.dayToDay.map((period) => ({ heading: period.period, items: period.items.map(inline), fromLadder: false })),
    fromLadder: (level) => level.facets.origin.dayToDay === 'ladder',
  },
  {
    name: 'Readiness for the next level',
    groups: (level, inline) => level.facets.readiness.map((readiness) => ({ heading: `Ready for ${readiness.target.name} when`, items: readiness.items.map(inline), fromLadder: false })),
  },
];

/** Facet cells are rendered once per level and folder depth, then shared by every comparison page. */
export class FacetCells {
  readonly #cache = new Map<string, FacetCell[]>();

  of(level: Level, urls: PageUrls): FacetCell[] {
    const key = `${urls.root}|${level.slug}`;
    let cells = this.#cache.get(key);
    if (!cells) {
      const inline = (value: Inline): TrustedHtml => inlineHtml(value.children, urls.href);
      cells = FACETS.map((facet) => {
        const groups = facet.groups(level, inline);
        return { slug: level.slug, empty: groups.length === 0, groups, fromLadder: groups.length > 0 && (facet.fromLadder?.(level) ?? false) };
      });
      this.#cache.set(key, cells);
    }
    return cells;
  }
}

/** compare.liquid (two adjacent levels) and compare-picker.liquid (every level, two shown at a time). */
export function compareView(ladder: Ladder, levels: readonly Level[], urls: PageUrls, cells: FacetCells, picker: boolean): { head: PageHead; data: object } {
  const [a, b] = levels;
  const title = picker || !a || !b ? 'Compare levels' : `${a.label} vs ${b.label}`;
  const perLevel = levels.map((level) => cells.of(level, urls));
  const pair = (lower: Level, upper: Level): object => ({ label: `${lower.label} → ${upper.label}`, url: urls.to(sitePaths.compare(lower.slug, upper.slug)) });
  // The picker lists every step of the ladder; a pair page links only to its neighbours, so a big
  // ladder does not repeat the whole list on every page.
  const at = a ? ladder.levels.indexOf(a) : -1;
  const adjacent = b !== undefined && ladder.levels[at + 1] === b;
  const neighbours = (offset: number): object | null => {
    const lower = ladder.levels[at + offset];
    const upper = ladder.levels[at + offset + 1];
    return !picker && adjacent && lower && upper && at + offset >= 0 ? pair(lower, upper) : null;
  };
  const pairs = picker ? ladder.levels.slice(1).map((level, index) => pair(ladder.levels[index] as Level, level)) : [];
  const delta = !picker && a && b ? pairDelta(a, b) : null;
  return {
    head: {
      title,
      description: picker ? `Compare any two levels of the ${ladder.site.title}, facet by facet.` : `${title}: scope, responsibilities, skills, day-to-day work and readiness side by side.`,
      type: 'website',
      current: { kind: 'compare' },
    },
    data: {
      compare: {
        title,
        columns: levels.map((level) => ({ slug: level.slug, label: level.label, title: level.title, url: urls.to(sitePaths.level(level.slug)), icon: octicon(level.icon) })),
        rows: FACETS.map((facet, index) => ({ name: facet.name, cells: perLevel.map((levelCells) => levelCells[index] as FacetCell) })),
        pairs,
        delta: delta && a && b ? deltaView(delta, { title: `What changes from ${a.label} to ${b.label}`, lower: a.label, upper: b.label }, urls.href) : null,
        // The picker names the page of any two levels that has one (see comparedPairs), so
        // site.js can offer "what changes" for the pair chosen.
        pairUrl: urls.to(sitePaths.compare('{a}', '{b}')),
        allPairs: allPairs(ladder.levels),
        prevPair: neighbours(-1),
        nextPair: neighbours(1),
        pickerUrl: urls.to(sitePaths.comparePicker),
        // The picker starts on the first two levels; site.js then reads ?a=…&b=… from the URL.
        options: ladder.levels.map((level, index) => ({ slug: level.slug, label: level.label, firstSelected: index === 0, secondSelected: index === Math.min(1, ladder.levels.length - 1) })),
      },
      icons: { compare: octicon('git-compare'), prev: octicon('arrow-left'), next: octicon('arrow-right') },
    },
  };
}

/** Above this many levels only neighbouring levels get a page of their own: pages grow with the square. */
const ALL_PAIRS_MAX_LEVELS = 12;

function allPairs(levels: readonly Level[]): boolean {
  return levels.length <= ALL_PAIRS_MAX_LEVELS;
}

/**
 * The pairs of levels that get a comparison page, lower level first: every pair of a ladder of up to
 * ALL_PAIRS_MAX_LEVELS levels, else neighbours only.
 */
export function comparedPairs(levels: readonly Level[]): [Level, Level][] {
  const span = allPairs(levels) ? levels.length : 2;
  return levels.flatMap((lower, i) => levels.slice(i + 1, i + span).map((upper): [Level, Level] => [lower, upper]));
}

/** The model's delta for neighbours; any other pair is compared here, at render time. */
function pairDelta(lower: Level, upper: Level): LevelDelta {
  return upper.delta && upper.delta.from === lower.slug ? upper.delta : levelDelta(lower, upper);
}
