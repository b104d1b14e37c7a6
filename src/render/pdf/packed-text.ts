import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * A large string kept deflated until it is needed. Every PDF's print HTML is made when the PDFs are
 * planned, and a 500-level ladder's 1,500 documents (handouts, profiles, checklists, the book) wait
 * for the browser with theirs: as strings that is about 120 MB of the build's heap at its peak,
 * deflated (level 1: HTML compresses about eightfold, at a few milliseconds a document) about 15 MB.
 */
export function packedText(text: string): () => string {
  const packed = deflateSync(strToU8(text), { level: 1 });
  return () => strFromU8(inflateSync(packed));
}
