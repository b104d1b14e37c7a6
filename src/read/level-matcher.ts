/** The names a level goes by: title, label, front matter title, slug words. */
export interface NamedLevel {
  readonly slug: string;
  readonly names: readonly string[];
}

/** What a table cell names: a level, a transition between two levels, or nothing. */
export type LevelMention = { readonly kind: 'level'; readonly slug: string } | { readonly kind: 'transition'; readonly from: string; readonly to: string } | null;

/** Words that ladders drop when they shorten a level's name ("Director of Engineering" → "Director"). */
const FILLER = new Set(['of', 'the', 'a', 'an', 'engineering', 'software', 'level', 'role']);
/** Common abbreviations, expanded before matching ("Sr. Engineer" → "senior engineer"). */
const ABBREVIATIONS: Readonly<Record<string, string>> = { sr: 'senior', snr: 'senior', jr: 'junior', mgr: 'manager', eng: 'engineer', dir: 'director', mgmt: 'management' };
/** "IC → Manager", "Manager -> Director", "Engineer to Senior Engineer". */
const ARROW = /\s*(?:→|->|-->|⟶|⇒|=>|➔|➜|›|>|\bto\b)\s*/iu;

export const normaliseName = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Normalised words, abbreviations expanded; dotted initials ("I.C.") read as one word ("ic"). */
function words(text: string): string[] {
  const all = normaliseName(text).split(' ').filter(Boolean);
  const initials = all.length > 1 && all.every((word) => word.length === 1) ? [all.join('')] : all;
  return initials.map((word) => ABBREVIATIONS[word] ?? word);
}

/**
 * Matches table headers to the ladder's levels: by title, label, slug, and recognisable short forms
 * (filler words dropped, initials such as "IC" for "Individual Contributor", "Sr." for "Senior"),
 * case- and punctuation-insensitively. A short form two levels share names neither.
 */
export function levelMatcher(levels: readonly NamedLevel[]): (text: string) => LevelMention {
  // Tier 0 (full names) beats tier 1 (short forms): "Engineer" is the Engineer level even when "Senior Engineer" shortens to it.
  const tiers = [new Map<string, Set<string>>(), new Map<string, Set<string>>()];
  const add = (tier: number, key: string, slug: string): void => {
    if (!key) return;
    const map = tiers[tier] as Map<string, Set<string>>;
    map.set(key, (map.get(key) ?? new Set()).add(slug));
  };
  for (const level of levels) {
    for (const name of level.names) {
      const all = words(name);
      add(0, all.join(' '), level.slug);
      const kept = all.filter((word) => !FILLER.has(word));
      add(1, kept.join(' '), level.slug);
      if (all.length > 1) add(1, all.map((word) => word[0]).join(''), level.slug);
      if (kept.length > 1) add(1, kept.map((word) => word[0]).join(''), level.slug);
    }
  }
  const lookup = (candidate: string): string | null => {
    for (const tier of tiers) {
      const slugs = tier.get(candidate);
      if (slugs) return slugs.size === 1 ? ([...slugs][0] as string) : null;
    }
    return null;
  };
  const level = (text: string): string | null => {
    const bare = text.replace(/\([^)]*\)/g, ' ');
    const inner = /\(([^)]*)\)/.exec(text)?.[1] ?? '';
    for (const candidate of [text, bare, inner]) {
      const all = words(candidate);
      const found = lookup(all.join(' ')) ?? lookup(all.filter((word) => !FILLER.has(word)).join(' '));
      if (found) return found;
    }
    return null;
  };
  return (text) => {
    const whole = level(text);
    if (whole) return { kind: 'level', slug: whole };
    const parts = text.split(ARROW);
    if (parts.length !== 2) return null;
    const from = level(parts[0] ?? '');
    const to = level(parts[1] ?? '');
    return from && to && from !== to ? { kind: 'transition', from, to } : null;
  };
}
