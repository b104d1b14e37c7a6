import type { StreamedFile } from '../render-context.js';
import type { PartStore } from '../part-store.js';
import { joinPdfs } from './join-pdfs.js';
import type { PdfJob } from './plan-pdfs.js';

/** The part-store kind of a printed part of a book. */
const PART = 'pdf-part';

/**
 * A document printed in parts (a large book): each part is printed unless an earlier build kept it,
 * kept for the next build, and the parts are joined once the last is in. Parts wait in the part store,
 * not in memory, unless there is none; the joined document is streamed to whoever publishes it, a
 * part at a time (a 500-level book is about 100 MB: held whole, and copied once to finish it, it was
 * the build's memory peak).
 */
export class PartedDocument {
  #pending: number;
  readonly #held: (Uint8Array | null)[];

  constructor(readonly job: PdfJob, private readonly store: PartStore | null, private readonly signal: AbortSignal) {
    this.#pending = job.parts.length;
    this.#held = job.parts.map(() => null);
  }

  /** Makes part `index` ready; the joined document once it was the last, else null. */
  async ready(index: number, print: (job: PdfJob) => Promise<Uint8Array>): Promise<StreamedFile | null> {
    const part = this.job.parts[index];
    if (part === undefined) throw new RangeError(`${this.job.path} has no part ${index}`);
    if (this.store === null) this.#held[index] = await print(part.job);
    else if (!(await this.store.has(PART, part.job.key))) await this.store.put(PART, part.job.key, await print(part.job));
    this.#pending -= 1;
    if (this.#pending > 0) return null;
    const chunks = joinPdfs(this.job.parts.map(({ job, label }, at) => ({
      label,
      // A part the store could not keep is printed again.
      read: async () => {
        this.signal.throwIfAborted();
        const held = this.#held[at];
        this.#held[at] = null;
        return held ?? (await this.store?.get(PART, job.key)) ?? (await print(job));
      },
    })), this.job.metadata);
    return { path: this.job.path, chunks };
  }
}
