import type { DeltaItem, Ladder, Level } from '../../model/types.js';
import { assessSections } from '../assess-items.js';
import { inlineHtml } from './body-html.js';
import type { PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';

/** The three answers, in the order they are offered; the value is what the URL fragment stores. */
export const ASSESS_CHOICES = [
  { value: 1, label: 'Not yet' },
  { value: 2, label: 'Sometimes' },
  { value: 3, label: 'Consistently' },
] as const;

/** Longest note a row keeps: a line for the 1:1, not an essay in a URL. */
export const NOTE_MAX_LENGTH = 200;

/**
 * assess.liquid's data: a level's expectations as a form whose answers assets/assess.js keeps in the
 * URL fragment (nothing is stored anywhere else), with a summary per group and overall.
 */
export function assessView(ladder: Ladder, index: number, urls: PageUrls): { head: PageHead; data: object } {
  const level = ladder.levels[index] as Level;
  const below = level.delta && ladder.levels.find((other) => other.slug === level.delta?.from);
  const sections = assessSections(ladder, level).map((section) => ({
    id: section.id,
    title: section.title,
    groups: section.groups.map((group, groupIndex) => ({
      id: `${section.id}-${groupIndex + 1}`,
      name: group.name,
      // A lone group named like its section repeats the heading: show it only when it adds something.
      showName: section.groups.length > 1 || group.name !== section.title,
      size: group.items.length,
      items: group.items.map((item) => ({
        key: item.key,
        label: item.label,
        textHtml: inlineHtml(item.text.children, urls.href),
        grew: item.grew && below ? { from: below.label, textHtml: inlineHtml(item.grew.children, urls.href) } : null,
      })),
    })),
  }));
  const total = sections.reduce((sum, section) => sum + section.groups.reduce((n, group) => n + group.size, 0), 0);
  return {
    head: {
      title: `Self-assessment: ${level.title}`,
      description: `Rate yourself against each expectation of the ${level.title} level and share the link with your manager.`,
      type: 'website',
      current: { kind: 'assess' },
    },
    data: {
      assess: {
        title: level.title,
        label: level.label,
        levelUrl: urls.to(sitePaths.level(level.slug)),
        script: urls.to(sitePaths.asset('assess.js')),
        total,
        sections,
        choices: ASSESS_CHOICES,
        noteMax: NOTE_MAX_LENGTH,
        delta: level.delta && below ? { from: below.label, added: countRows(level.delta.added), grown: countRows(level.delta.grown) } : null,
      },
      icons: { back: octicon('arrow-left'), clear: octicon('x') },
    },
  };
}

/** Delta items that are rows of the assessment (scope and day-to-day are not expectations to rate). */
function countRows(items: readonly DeltaItem[]): number {
  return items.filter((item) => item.facet === 'responsibilities' || item.facet === 'skills').length;
}
