import type { Ladder } from '../../model/types.js';
import type { OutputFile, RenderContext } from '../render-context.js';

/** model → every file of the microsite (pages, assets, search index, sitemap, 404). */
export async function renderSite(ladder: Ladder, context: RenderContext): Promise<OutputFile[]> {
  void ladder;
  void context;
  return [];
}
