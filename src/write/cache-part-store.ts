import { readFile } from 'node:fs/promises';
import type { PartStore } from '../render/part-store.js';
import type { RenderCache } from './render-cache.js';

/** Pieces kept in the render cache, beside the documents: pruned with them when no build uses them. */
export function cachePartStore(cache: RenderCache): PartStore {
  const entry = (kind: string, key: string): string => cache.entryFor(`parts/${kind}`, key);
  return {
    get: async (kind, key) => {
      const file = await cache.locate(entry(kind, key));
      return file === null ? null : readFile(file).then((data) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength), () => null);
    },
    has: async (kind, key) => (await cache.locate(entry(kind, key))) !== null,
    put: (kind, key, data) => cache.put(entry(kind, key), data),
  };
}
