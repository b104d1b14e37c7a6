/** A file of the published folder, as the manifest lists it. */
export interface PublishedFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** written: new or changed; unchanged: same bytes as before (hard-linked, mtime kept); kept: carried over unbuilt. */
  readonly status: 'written' | 'unchanged' | 'kept';
}
