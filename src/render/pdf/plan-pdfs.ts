import type { Ladder } from '../../model/types.js';
import type { RenderContext, RenderJob } from '../render-context.js';

/** A PDF to print: self-contained print HTML (CSS and fonts inlined, so `key` covers them). */
export interface PdfJob extends RenderJob {
  readonly html: string;
  readonly title: string;
}

/** model → the PDFs to print: per level `<slug>.pdf` and `<slug>-profile.pdf`, and `ladder.pdf`. */
export async function planPdfs(ladder: Ladder, context: RenderContext): Promise<PdfJob[]> {
  void ladder;
  void context;
  return [];
}
