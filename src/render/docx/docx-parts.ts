import type { Article, Level, LevelFacets, Overview, Site } from '../../model/types.js';
import type { TimeChart } from '../time-chart.js';
import type { DocxTrackMap } from './track-map-docx.js';

export type DocumentParts = 'kind' | 'slug' | 'file' | 'title' | 'titleInline' | 'body' | 'headings';

/**
 * What the Word renderer reads of a level: its body, titles, the facets the ladder overview can fill
 * (shown when it did) and its delta, with the label of the level it is measured from.
 */
export type DocxLevel = Pick<Level, DocumentParts | 'label' | 'delta'> & {
  readonly facets: Pick<LevelFacets, 'intro' | 'coreQuestion' | 'origin' | 'scope' | 'skills' | 'dayToDay' | 'transitions'>;
  readonly deltaFrom: string | null;
  /** The level's week from the ladder's time-allocation tables, drawn after the body; none when left out. */
  readonly timeCharts?: readonly TimeChart[];
};
export type DocxArticle = Pick<Article, DocumentParts>;
export type DocxOverview = Pick<Overview, DocumentParts>;

/** What the book reads of the ladder. */
export interface DocxLadder {
  readonly site: Site;
  readonly levels: readonly DocxLevel[];
  readonly articles: readonly DocxArticle[];
  readonly overview: DocxOverview | null;
  /** The track map, a chapter after the overview; none for a ladder too long to draw. */
  readonly trackMap?: DocxTrackMap | null;
}
