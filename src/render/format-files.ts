import type { Ladder, Level } from '../model/types.js';

/** How a download is offered on the site: "Handout · PDF". */
export interface Download {
  readonly label: string;
  readonly detail: string;
  /** What the saved file is called after the ladder's or level's name ("profile"), or null for the main document. */
  readonly name: string | null;
}

/** A file a format makes for each level or article: `path(slug)`, e.g. `vp-profile.pdf`. */
export interface PartFile {
  /** The manifest's `kind` of the file. */
  readonly kind: string;
  readonly path: (slug: string) => string;
  /** How the site offers it, or null when it is not a download (the level's own page). */
  readonly download: Download | null;
}

/** A file a format makes once for the whole ladder, e.g. `ladder.pdf`. */
export interface LadderFile {
  readonly kind: string;
  readonly path: string;
  readonly download: Download | null;
}

/**
 * The files one output format makes, and their published names: the one place output names live.
 * @example { name: "pdf", level: [{ kind: "pdf", path: (slug) => `${slug}.pdf`, download: … }], article: [], ladder: [{ kind: "pdf", path: "ladder.pdf", download: … }] }
 */
export interface FormatFiles {
  /** The format's name in config `formats`, `--only` and the build's stats. */
  readonly name: string;
  readonly level: readonly PartFile[];
  readonly article: readonly PartFile[];
  readonly ladder: readonly LadderFile[];
  /** Machine-readable facts about a level for its page (schema.org JSON-LD), when the format has any. */
  readonly levelData?: (level: Level, ladder: Ladder) => object;
}
