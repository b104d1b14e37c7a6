import type { Competency, Ladder } from '../../model/types.js';
import { inlineHtml } from './body-html.js';
import type { PageHead } from './layout-view.js';
import { octicon } from './octicon-svg.js';
import { sitePaths, type PageUrls } from './site-urls.js';
import type { TrustedHtml } from './trusted-html.js';

interface MatrixCell {
  readonly level: string;
  readonly empty: boolean;
  /** The level's own names for this row, shown when they differ from the row's name. */
  readonly names: string;
  /** Each text with the level's name for it when a name goes with each text (skill categories), else none. */
  readonly parts: readonly { readonly name: string; readonly html: TrustedHtml }[];
  /** Filled from the ladder overview rather than the level's own document. */
  readonly fromLadder: boolean;
}

/**
 * matrix.liquid's data: the ladder's competencies (rows, as the model aligned them) × levels
 * (columns, ladder order). Each cell shows the level's text as written, never split or re-cased.
 */
export function matrixView(ladder: Ladder, urls: PageUrls): { head: PageHead; data: object } {
  const rows = ladder.competencies.map((competency) => ({ name: competency.name, cells: ladder.levels.map((level) => matrixCell(competency, level.slug, level.label, urls)) }));
  return {
    head: {
      title: 'Skills matrix',
      description: `How each competency of the ${ladder.site.title} grows from level to level.`,
      type: 'website',
      current: { kind: 'matrix' },
    },
    data: {
      matrix: {
        columns: ladder.levels.map((level) => ({ label: level.label, title: level.title, url: urls.to(sitePaths.level(level.slug)), icon: octicon(level.icon) })),
        rows,
        empty: rows.length === 0,
        hasLadderCells: rows.some((row) => row.cells.some((cell) => cell.fromLadder)),
        overviewUrl: urls.to(sitePaths.home),
      },
    },
  };
}

function matrixCell(competency: Competency, slug: string, label: string, urls: PageUrls): MatrixCell {
  const cell = competency.cells.find((candidate) => candidate.level === slug);
  if (!cell || cell.texts.length === 0) return { level: label, empty: true, names: '', parts: [], fromLadder: false };
  const html = cell.texts.map((text) => inlineHtml(text.children, urls.href));
  const sameName = (name: string): boolean => name.toLowerCase() === competency.name.toLowerCase();
  // Several skill categories aligned into one row: each text under its own name.
  if (cell.names.length > 1 && cell.names.length === cell.texts.length) {
    return { level: label, empty: false, names: '', parts: html.map((part, i) => ({ name: cell.names[i] ?? '', html: part })), fromLadder: cell.from === 'ladder' };
  }
  return {
    level: label,
    empty: false,
    names: cell.names.filter((name) => !sameName(name)).join(' · '),
    parts: html.map((part) => ({ name: '', html: part })),
    fromLadder: cell.from === 'ladder',
  };
}
