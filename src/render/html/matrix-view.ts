import type { Ladder } from '../../model/types.js';
import type { PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';

/**
 * matrix.liquid's data: skill categories (rows, first-seen order, matched case-insensitively) ×
 * levels (columns, ladder order).
 */
export function matrixView(ladder: Ladder, urls: PageUrls): { head: PageHead; data: object } {
  const categories = new Map<string, string>();
  for (const level of ladder.levels) {
    for (const skill of level.facets.skills) {
      const key = categoryKey(skill.category);
      if (!categories.has(key)) categories.set(key, skill.category);
    }
  }
  const rows = [...categories].map(([key, category]) => ({
    category,
    cells: ladder.levels.map((level) => {
      const skills = level.facets.skills.filter((skill) => categoryKey(skill.category) === key).flatMap((skill) => skill.skills);
      return { level: level.label, empty: skills.length === 0, skills };
    }),
  }));
  return {
    head: {
      title: 'Skills matrix',
      description: `The skills each level of the ${ladder.site.title} needs, by category.`,
      type: 'website',
      current: { kind: 'matrix' },
    },
    data: {
      matrix: {
        columns: ladder.levels.map((level) => ({ label: level.label, title: level.title, url: urls.to(sitePaths.level(level.slug)), icon: octicon(level.icon) })),
        rows,
        empty: rows.length === 0,
      },
    },
  };
}

function categoryKey(category: string): string {
  return category.trim().toLowerCase();
}
