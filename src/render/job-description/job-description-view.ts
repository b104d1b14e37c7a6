import type { Inline, Ladder, Level } from '../../model/types.js';
import type { JobDescriptionOptions } from './job-description-options.js';

/** A posting's data as plain text: what the template fills in, and the Word document is made from. */
export interface JobDescriptionView {
  readonly title: string;
  readonly siteTitle: string;
  readonly company: string | null;
  /** About the role: the level's intro and the question it answers. */
  readonly about: string;
  readonly coreQuestion: string | null;
  /** What you will do. */
  readonly responsibilities: readonly { readonly name: string; readonly items: readonly string[] }[];
  /** What you bring. */
  readonly skills: readonly { readonly category: string; readonly skills: string }[];
  readonly scope: readonly { readonly label: string; readonly value: string }[];
  readonly payRange: string | null;
  readonly equalOpportunity: string | null;
}

export function jobDescriptionView(ladder: Ladder, level: Level, options: JobDescriptionOptions): JobDescriptionView {
  const { facets } = level;
  return {
    title: level.title,
    siteTitle: ladder.site.title,
    company: options.company,
    about: facets.intro,
    // Intros often end with the question already: then it is not said twice.
    coreQuestion: facets.coreQuestion && !facets.intro.includes(facets.coreQuestion.text) ? text(facets.coreQuestion) : null,
    responsibilities: facets.responsibilities.map((group) => ({ name: group.name, items: group.items.map(text) })),
    skills: facets.skills.map((row) => ({ category: row.category, skills: row.skills.join(', ') })),
    scope: facets.scope.map((entry) => ({ label: entry.label, value: text(entry.value) })),
    payRange: options.payRange,
    equalOpportunity: options.equalOpportunity,
  };
}

/** schema.org `Occupation` for the level's page, so search engines and HR tools can read the role. */
export function occupation(level: Level): object {
  const { facets } = level;
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: level.title,
    description: facets.intro,
    skills: facets.skills.flatMap((row) => row.skills),
    responsibilities: facets.responsibilities.flatMap((group) => group.items.map(text)),
  };
}

function text(inline: Inline): string {
  return inline.text.replace(/\s+/g, ' ').trim();
}
