import type { Ladder } from '../../model/types.js';
import type { RenderContext, RenderJob } from '../render-context.js';

/** A Word document to write; `key` holds the model slice it is made from. */
export interface DocxJob extends RenderJob {
  readonly render: () => Promise<Uint8Array>;
}

/** model → the Word documents: per level `<slug>.docx`, and `ladder.docx`. */
export function planDocx(ladder: Ladder, context: RenderContext): DocxJob[] {
  void ladder;
  void context;
  return [];
}
