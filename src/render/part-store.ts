/**
 * What a renderer keeps between builds besides the files it publishes: the pieces a document is
 * joined from (the book's chapters), by a key holding everything a piece depends on. Best effort:
 * a piece that cannot be kept is only made again next time.
 */
export interface PartStore {
  get(kind: string, key: string): Promise<Uint8Array | null>;
  /** Whether a piece is kept, without reading it. */
  has(kind: string, key: string): Promise<boolean>;
  put(kind: string, key: string, data: Uint8Array): Promise<void>;
}
