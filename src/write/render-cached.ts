import type { EmitDocument } from '../render/output-format.js';
import type { RenderJob } from '../render/render-context.js';
import type { RenderCache } from './render-cache.js';
import type { Stager } from './publish-out.js';

/**
 * Produces the jobs' files into `out`, taking each from the cache when its key was rendered before
 * and rendering only the misses (in one call, so the PDF printer can share one browser among them).
 * Fresh results are stored at once, so they survive a later failure of the build, and handed on one
 * by one through `emit`: no document is held after it is staged.
 */
export async function renderCached<J extends RenderJob>(
  jobs: readonly J[],
  cache: RenderCache,
  out: Pick<Stager, 'add' | 'addCopy' | 'addChunks'>,
  render: (misses: readonly J[], emit: EmitDocument) => Promise<void>,
  onCached: (count: number) => void,
): Promise<void> {
  const entries = new Map(jobs.map((job) => [job.path, cache.entryFor(job.path, job.key)]));
  const hits: { path: string; source: string }[] = [];
  const misses: J[] = [];
  for (const job of jobs) {
    const source = await cache.locate(entries.get(job.path) ?? '');
    if (source) hits.push({ path: job.path, source });
    else misses.push(job);
  }
  onCached(hits.length);
  const produced = new Set<string>();
  const emit: EmitDocument = async (file) => {
    const entry = entries.get(file.path);
    produced.add(file.path);
    if ('chunks' in file) {
      // Too large to hold: written as it is made, then the cache takes a copy of the written file.
      const staged = await out.addChunks(file.path, file.chunks);
      if (entry) await cache.putCopy(entry, staged);
      return;
    }
    if (entry) await cache.put(entry, file.data);
    await out.add(file);
  };
  const copyHits = async (): Promise<void> => {
    for (const hit of hits) await out.addCopy(hit.path, hit.source);
  };
  // Cached files are copied while the misses render (Chromium's processes work meanwhile).
  await Promise.all([misses.length > 0 ? render(misses, emit) : undefined, copyHits()]);
  const missing = misses.find((job) => !produced.has(job.path));
  if (missing) throw new Error(`the renderer did not produce ${missing.path}`);
}
