import type { Inline, Level, LevelFacets } from '../../src/model/types.js';

export const inline = (text: string): Inline => ({ text, children: [{ type: 'text', value: text }] });

/** A level with only the facets a test gives; the rest empty. */
export function makeLevel(slug: string, facets: Partial<LevelFacets> = {}): Level {
  return {
    kind: 'level', slug, file: `levels/${slug}.md`, title: slug, titleInline: [{ type: 'text', value: slug }], frontMatter: {},
    body: { type: 'root', children: [] }, headings: [], label: slug, order: null, icon: null, expanded: false, breadcrumb: false, articles: [], delta: null, track: null, updated: '2000-01-01T00:00:00.000Z',
    facets: {
      coreQuestion: null, intro: '', responsibilities: [], skills: [], dayToDay: [], scope: [], comparisons: [], transitions: [], readiness: [],
      origin: { scope: 'none', skills: 'none', dayToDay: 'none', shifts: 'none' },
      ...facets,
    },
  };
}
