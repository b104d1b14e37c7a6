import type { Diagnostics } from '../diagnostics.js';
import type { ArticleFacets, LevelFacets } from '../model/types.js';

const LEVEL_FACETS: Readonly<Record<Exclude<keyof LevelFacets, 'intro' | 'comparisons' | 'origin'>, string>> = {
  coreQuestion: 'core question (a bold quoted question in the intro)',
  responsibilities: 'responsibilities section',
  skills: 'skills table (| Category | Skills |)',
  dayToDay: 'day-to-day section',
  scope: 'typical scope list',
  transitions: 'transition section (e.g. "Transition to …")',
  readiness: 'readiness indicators ("You\'re ready for … when …")',
};

const ARTICLE_FACETS: Readonly<Record<keyof ArticleFacets, string>> = {
  theme: '"Central Theme" section',
  pillars: '"Key Pillars" section with "- Name: text" bullets',
  findings: '"Key Findings" section with "- Name: text" bullets',
  conclusion: '"Conclusion" section',
  mentoringQuestion: '"Mentoring question" section',
};

/** A facet that is not found stays empty, with a warning saying what was looked for. */
export function reportMissingFacets(facets: LevelFacets, file: string, at: { line: number; column: number } | null, diagnostics: Diagnostics): void {
  for (const [key, description] of Object.entries(LEVEL_FACETS) as [keyof typeof LEVEL_FACETS, string][]) {
    const value = facets[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) diagnostics.report('missing-facet', file, at, `No ${description} found`);
  }
}

export function reportMissingArticleFacets(facets: ArticleFacets, file: string, diagnostics: Diagnostics): void {
  for (const [key, description] of Object.entries(ARTICLE_FACETS) as [keyof ArticleFacets, string][]) {
    const value = facets[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) diagnostics.report('missing-facet', file, null, `No ${description} found`);
  }
}
