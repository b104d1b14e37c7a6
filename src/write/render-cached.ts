import type { OutputFile, RenderJob } from '../render/render-context.js';
import type { RenderCache } from './render-cache.js';

/**
 * Produces the jobs' files, taking each from the cache when its key was rendered before and
 * rendering only the misses (in one call, so the PDF printer can share one browser among them).
 * Fresh results are stored at once, so they survive a later failure of the build.
 */
export async function renderCached<J extends RenderJob>(
  jobs: readonly J[],
  cache: RenderCache,
  render: (misses: readonly J[]) => Promise<readonly OutputFile[]>,
  onCached: (count: number) => void,
): Promise<OutputFile[]> {
  const entries = new Map(jobs.map((job) => [job.path, cache.entryFor(job.path, job.key)]));
  const found = new Map<string, Uint8Array>();
  const misses: J[] = [];
  for (const job of jobs) {
    const bytes = await cache.get(entries.get(job.path) ?? '');
    if (bytes) found.set(job.path, bytes);
    else misses.push(job);
  }
  onCached(found.size);
  const rendered = misses.length > 0 ? await render(misses) : [];
  for (const file of rendered) {
    const entry = entries.get(file.path);
    if (entry) await cache.put(entry, file.data);
  }
  const fresh = new Map(rendered.map((file) => [file.path, file.data]));
  return jobs.map((job) => {
    const data = found.get(job.path) ?? fresh.get(job.path);
    if (data === undefined) throw new Error(`the renderer did not produce ${job.path}`);
    return { path: job.path, data };
  });
}
