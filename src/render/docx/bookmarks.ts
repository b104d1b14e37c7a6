/**
 * Word bookmark names for headings and document starts. Word accepts letters, digits and "_", at
 * most 40 characters, starting with a letter; names are handed out in document order, so they are
 * stable from one build to the next.
 */
/** What a document asks of its bookmark names. */
export interface BookmarkNames {
  add(doc: string, fragment: string | null, readable: string): string;
  find(doc: string, fragment: string | null): string | null;
}

export class Bookmarks implements BookmarkNames {
  readonly #byKey = new Map<string, string>();
  readonly #taken = new Set<string>();

  /** Registers (once) and returns the name for `fragment` (null: the document's start) of `doc`. */
  add(doc: string, fragment: string | null, readable: string): string {
    const key = `${doc}#${fragment ?? ''}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing;
    let base = readable.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (!/^[A-Za-z]/.test(base)) base = `h_${base}`;
    base = base.slice(0, 40);
    let name = base;
    for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 40 - String(n).length - 1)}_${n}`;
    this.#taken.add(name.toLowerCase());
    this.#byKey.set(key, name);
    return name;
  }

  /** The name registered for `fragment` of `doc`, else its start, else null. */
  find(doc: string, fragment: string | null): string | null {
    return (fragment === null ? undefined : this.#byKey.get(`${doc}#${fragment}`)) ?? this.#byKey.get(`${doc}#`) ?? null;
  }
}
