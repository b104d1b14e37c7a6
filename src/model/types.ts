/**
 * The ladder model: the one data structure every reader produces and every renderer consumes.
 *
 * Plain, JSON-serialisable data. Document bodies are mdast (GFM) trees with source positions, so
 * renderers can reproduce everything the author wrote; facets are typed views on top of them for
 * cross-level features. This module imports nothing from the readers or renderers.
 */
import type { PhrasingContent, Root } from 'mdast';

/** Version of the model.json format; bumped on any incompatible change. */
export const MODEL_VERSION = 1;

/**
 * Inline content that keeps its formatting and also offers plain text.
 * @example { text: "Set multi-year strategy", children: [{ type: "text", value: "Set multi-year strategy" }] }
 */
export interface Inline {
  readonly text: string;
  readonly children: readonly PhrasingContent[];
}

/** A position in a source file, 1-based like mdast. @example { line: 12, column: 3 } */
export interface Point {
  readonly line: number;
  readonly column: number;
}

/**
 * A reference to a level by the name the author used; `slug` is set when that name matches a
 * level of this ladder. @example { name: "CTO", slug: null }
 */
export interface LevelRef {
  readonly name: string;
  readonly slug: string | null;
}

/** Fonts, colours and logo shared by every output. @example { colorPrimary: "#1f4e79", ... } */
export interface Theme {
  readonly fontBody: string;
  readonly fontHeading: string;
  readonly fontMono: string;
  readonly colorPrimary: string;
  readonly colorAccent: string;
  readonly colorText: string;
  /** Path of a logo image relative to the content folder, copied to the site's assets. */
  readonly logo: string | null;
}

/**
 * Settings that describe the published ladder (from the config, with defaults).
 * @example { title: "Engineering Career Ladder", url: "https://ladder.example.com/", paper: "A4", ... }
 */
export interface Site {
  readonly title: string;
  readonly description: string;
  /** Absolute URL the site is hosted at, for canonical links and sitemap; null when unknown. */
  readonly url: string | null;
  /** Sub-path the site is served under ("/" or "/careers/ladder/"): 404.html links from it when `url` is unknown. */
  readonly base: string;
  readonly language: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly paper: 'A4' | 'Letter';
  readonly theme: Theme;
  /** Publication date (ISO 8601) used in document metadata; fixed so rebuilds are identical. */
  readonly date: string;
}

/** A group of responsibilities under one heading. @example { name: "Strategic Leadership", items: [...] } */
export interface ResponsibilityGroup {
  readonly name: string;
  readonly items: readonly Inline[];
}

/**
 * One row of the skills table.
 * @example { category: "Business Acumen", text: { text: "P&L management, budgeting", ... }, skills: ["P&L management", "budgeting"] }
 */
export interface SkillCategory {
  readonly category: string;
  /** The skills cell as written (formatting kept, never split or re-cased): what renderers show. */
  readonly text: Inline;
  /** The cell split at commas and semicolons outside brackets, case as written: for search and alignment only. */
  readonly skills: readonly string[];
}

/** A period of a typical day or week with what happens in it. @example { period: "Morning", items: [...] } */
export interface DayPeriod {
  readonly period: string;
  readonly items: readonly Inline[];
}

/** One `**Label**: value` line of the typical scope, or one row of a scope table. @example { label: "Org size", value: { text: "100-500+ engineers", ... }, origin: "document" } */
export interface ScopeEntry {
  readonly label: string;
  readonly value: Inline;
  /**
   * 'document': the level's own document says it. 'ladder': a row of a cross-level scope table
   * (label = the row's name) that none of the document's own entries names.
   */
  readonly origin: 'document' | 'ladder';
}

/** A table comparing roles, kept cell by cell. @example { title: "Comparison: VP vs CTO/CEO", header: [...], rows: [[...]] } */
export interface ComparisonTable {
  readonly title: string;
  readonly header: readonly Inline[];
  readonly rows: readonly (readonly Inline[])[];
}

/** One "From → To" row of the key shifts table. */
export interface KeyShift {
  readonly from: Inline;
  readonly to: Inline;
}

/** A numbered key action with its bullets and optional example. @example { title: "Develop Deep Product Intuition", items: [...], example: {...} } */
export interface KeyAction {
  readonly title: string;
  readonly items: readonly Inline[];
  readonly example: Inline | null;
}

/** The way to one target level: the shifts it requires and the actions that get you there. */
export interface TransitionPath {
  readonly target: LevelRef;
  readonly shifts: readonly KeyShift[];
  readonly actions: readonly KeyAction[];
}

/**
 * A transition section ("Transition to CTO or CEO", "Path to Director"): its timeline, one path per
 * target and the pitfalls that apply to all of them.
 */
export interface Transition {
  readonly title: string;
  readonly targets: readonly LevelRef[];
  readonly timeline: Inline | null;
  readonly paths: readonly TransitionPath[];
  readonly pitfalls: readonly Inline[];
}

/** "You're ready for X when you've demonstrated:" and its bullets. */
export interface Readiness {
  readonly target: LevelRef;
  readonly items: readonly Inline[];
}

/** Where a level facet's content came from. 'ladder' = filled from a ladder dimension (any content file's cross-level table). */
export type FacetOrigin = 'document' | 'ladder' | 'none';

/** The origin of each facet a cross-level table can fill. @example { scope: "ladder", skills: "document", dayToDay: "document", shifts: "none" } */
export interface FacetOrigins {
  readonly scope: FacetOrigin;
  readonly skills: FacetOrigin;
  readonly dayToDay: FacetOrigin;
  readonly shifts: FacetOrigin;
}

/** The semantic view of a role document. Facets that were not found are empty (and warned about). */
export interface LevelFacets {
  /** The bold quoted question of the intro, without its quotes. */
  readonly coreQuestion: Inline | null;
  /** The intro paragraphs before the first section, as plain text (meta descriptions, cards). */
  readonly intro: string;
  readonly responsibilities: readonly ResponsibilityGroup[];
  readonly skills: readonly SkillCategory[];
  readonly dayToDay: readonly DayPeriod[];
  readonly scope: readonly ScopeEntry[];
  readonly comparisons: readonly ComparisonTable[];
  readonly transitions: readonly Transition[];
  readonly readiness: readonly Readiness[];
  /**
   * Where scope, skills, day-to-day and shifts came from. When 'ladder', the facet holds entries
   * filled from the ladder's dimensions (ScopeEntry label = dimension name, SkillCategory category =
   * dimension name, DayPeriod period = dimension name; shifts become a transition path's shifts).
   * Scope is merged entry by entry: 'document' when the document has entries of its own, and each
   * ScopeEntry's `origin` says which entries the ladder added.
   */
  readonly origin: FacetOrigins;
}

/** A heading of a body, for tables of contents, anchors and PDF outlines. @example { depth: 2, text: "Core Responsibilities", id: "core-responsibilities" } */
export interface HeadingEntry {
  readonly depth: number;
  readonly text: string;
  /** Anchor id, unique within its document (GitHub slugger rules). */
  readonly id: string;
}

/** Fields shared by every document read from the content folder. */
export interface DocumentBase {
  /** URL-safe, unique across the ladder, from the file name. @example "senior-engineer" */
  readonly slug: string;
  /** Source path relative to the content folder, POSIX separators. @example "levels/vp.md" */
  readonly file: string;
  /**
   * The document's name in navigation, `<title>` and document properties: front matter `title` when
   * given (as Retype uses it), else the `#` heading's text, raw HTML tags left out.
   */
  readonly title: string;
  /** The `#` heading as written, with its inline formatting: what the page itself shows. */
  readonly titleInline: readonly PhrasingContent[];
  /** Every front matter key as written (unknown keys kept). */
  readonly frontMatter: Readonly<Record<string, unknown>>;
  /**
   * The full body as mdast with positions, minus the front matter and the `#` title (renderers show
   * the title themselves). Internal links carry `data.target` ({@link LinkTarget}).
   */
  readonly body: Root;
  /** The body's headings in order, with anchor ids. */
  readonly headings: readonly HeadingEntry[];
}

/** A level of the ladder, from one role document. */
export interface Level extends DocumentBase {
  readonly kind: 'level';
  /** Short name for navigation. Front matter `label`, else the title. */
  readonly label: string;
  /** Retype order: higher comes first. */
  readonly order: number | null;
  /** An Octicons name. */
  readonly icon: string | null;
  readonly expanded: boolean;
  readonly breadcrumb: boolean;
  readonly facets: LevelFacets;
  /** Slugs of the articles that relate to this level, in article order. */
  readonly articles: readonly string[];
  /** What changes from the level below (levels[i-1]); null only for the lowest level (levels[0]). */
  readonly delta: LevelDelta | null;
  /** The track the front matter names (`track: ic` or `track: management`); null when it names none. */
  readonly track: Track | null;
  /**
   * When the level's file last changed (ISO 8601, a day's UTC midnight), by the site date's rule: the
   * config's `date`, else SOURCE_DATE_EPOCH, else the file's newest git commit, else its modification time.
   * @example "2026-11-02T00:00:00.000Z"
   */
  readonly updated: string;
}

/** A career track a level belongs to. */
export type Track = 'individual-contributor' | 'management';

/** A `Name: text` bullet of an article. @example { name: "People Engagement", text: {...} } */
export interface NamedPoint {
  readonly name: string;
  readonly text: Inline;
}

/** The semantic view of an article summary. */
export interface ArticleFacets {
  readonly theme: readonly Inline[];
  readonly pillars: readonly NamedPoint[];
  readonly findings: readonly NamedPoint[];
  readonly conclusion: readonly Inline[];
  readonly mentoringQuestion: Inline | null;
}

/** An article summary, read from plain text into the same mdast form as role documents. */
export interface Article extends DocumentBase {
  readonly kind: 'article';
  /** Where the title came from. */
  readonly titleSource: 'front-matter' | 'source-url' | 'file-name';
  readonly source: { readonly url: string; readonly line: number } | null;
  /** Slugs of related levels, in ladder order. */
  readonly levels: readonly string[];
  readonly levelsSource: 'front-matter' | 'config' | 'detected';
  readonly facets: ArticleFacets;
}

/** The ladder's overview page (Retype's index.md). */
export interface Overview extends DocumentBase {
  readonly kind: 'overview';
}

/** Where an internal link points, stored on mdast link nodes as `data.target`. */
export type LinkTarget =
  | { readonly kind: 'level'; readonly slug: string; readonly fragment: string | null }
  | { readonly kind: 'article'; readonly slug: string; readonly fragment: string | null }
  | { readonly kind: 'overview'; readonly fragment: string | null }
  /** A site path that names nothing in this ladder: renderers show the text without a link. */
  | { readonly kind: 'unresolved' }
  /**
   * A `javascript:`, `data:`, `vbscript:` or `file:` URL, or a local path outside the content folder:
   * renderers show the text (an image's alt text) without a link.
   */
  | { readonly kind: 'unsafe' }
  /** A local image inside the content folder, by its path relative to it. @example { kind: "asset", path: "levels/img/team.png" } */
  | { readonly kind: 'asset'; readonly path: string };

/** The targets that are pages of the ladder. */
export type PageTarget = Extract<LinkTarget, { readonly kind: 'level' | 'article' | 'overview' }>;

/** The whole ladder: what `ladderpress model` prints and `out/model.json` holds. */
export interface Ladder {
  readonly version: typeof MODEL_VERSION;
  readonly site: Site;
  /** In ladder order: higher `order` first, then by title. */
  readonly levels: readonly Level[];
  readonly articles: readonly Article[];
  readonly overview: Overview | null;
  /** Every cross-level table of the content, overview first, in document order. */
  readonly dimensions: readonly DimensionTable[];
  /** Skill categories and responsibility groups aligned across levels, one row each. */
  readonly competencies: readonly Competency[];
}

/** A position in a content file. @example { file: "index.md", line: 42, column: 1 } */
export interface SourceRef {
  /** Relative to the content folder, POSIX separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** What a cross-level table is about, recognised from its heading and row names. */
export type DimensionKind = 'scope' | 'skills' | 'time' | 'shifts' | 'other';

/**
 * What a dimension cell is attached to: one level, or the transition between two levels.
 * @example { kind: "transition", from: "manager", to: "director" }
 */
export type DimensionKey =
  | { readonly kind: 'level'; readonly slug: string }
  | { readonly kind: 'transition'; readonly from: string; readonly to: string };

/** One cell of a cross-level table, attached to its level or transition, formatting kept. */
export interface DimensionCell {
  readonly key: DimensionKey;
  readonly value: Inline;
  readonly source: SourceRef;
}

/** One row of a cross-level table ("Team size", "People"), or one row group of a shifts table. @example { name: "Team size", cells: [...] } */
export interface Dimension {
  readonly name: string;
  readonly cells: readonly DimensionCell[];
}

/**
 * A table whose header row or first column names the ladder's levels (or transitions).
 * @example { id: "organisational-scope", title: "Organisational Scope", kind: "scope", source: {...}, dimensions: [...] }
 */
export interface DimensionTable {
  /** Unique id (slug of the title). */
  readonly id: string;
  /** The heading above the table, as written ("Organizational Scope"); "" when none. */
  readonly title: string;
  readonly kind: DimensionKind;
  readonly source: SourceRef;
  readonly dimensions: readonly Dimension[];
}

/**
 * A ladder-wide competency row: differently named categories/groups of several levels aligned.
 * @example { id: "people", name: "People", alignedBy: "ladder", cells: [...] }
 */
export interface Competency {
  readonly id: string;
  /** The row name shown (the overview's name when it has one, else the most common name). */
  readonly name: string;
  /** How the row was formed. */
  readonly alignedBy: 'config' | 'ladder' | 'name' | 'synonym' | 'single';
  /** One cell per level that has this competency, in ladder order. */
  readonly cells: readonly CompetencyCell[];
}

/** One level's part of a competency row. @example { level: "manager", names: ["Coaching"], texts: [...], from: "level" } */
export interface CompetencyCell {
  /** Level slug. */
  readonly level: string;
  /** The level's own category / group names mapped here, as written. */
  readonly names: readonly string[];
  /** The level's text as written (skills cell(s), responsibility items, or the overview cell). */
  readonly texts: readonly Inline[];
  readonly from: 'level' | 'ladder';
}

/** The facets a delta compares. */
export type DeltaFacet = 'responsibilities' | 'skills' | 'scope' | 'dayToDay' | 'readiness';

/** One item of a delta, with the group it sits under (responsibility group, skill category, period, scope label). */
export interface DeltaItem {
  readonly facet: DeltaFacet;
  readonly group: string;
  readonly text: Inline;
}

/** A word-level change, for highlighting what grew. @example { kind: "added", text: "across teams" } */
export interface WordChange {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** An item matched at both levels whose wording changed. */
export interface GrownItem extends DeltaItem {
  /** The matched item at the lower level. */
  readonly before: Inline;
  /** 0..1 similarity of the fuzzy match. */
  readonly similarity: number;
  readonly changes: readonly WordChange[];
}

/** What changes from one level to another. @example { from: "engineer", added: [...], grown: [...], removed: [...] } */
export interface LevelDelta {
  /** Slug of the level compared against (the level below for Level.delta). */
  readonly from: string;
  /** New at this level. */
  readonly added: readonly DeltaItem[];
  /** Matched, wording changed. */
  readonly grown: readonly GrownItem[];
  /**
   * Items of the level compared against that match nothing at this level: not restated here. Levels
   * are written on their own, so this says the text is not repeated, not that the expectation is
   * dropped; every format shows it as "Not restated at <level>".
   */
  readonly removed: readonly DeltaItem[];
}
