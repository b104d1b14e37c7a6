import type { Ladder, Level, Track } from '../model/types.js';

/** A level placed on the map: its row (0 = entry level, at the bottom) and lane (null = shared by every lane). */
export interface MapLevel {
  readonly level: Level;
  readonly row: number;
  readonly lane: number | null;
}

/** A role outside the ladder that a transition leads to (CTO, CEO), beside the level leading there. */
export interface MapExit {
  /** Unique on the map: "exit:<level slug>:<name>". */
  readonly key: string;
  readonly name: string;
  readonly row: number;
  /** Its place among the exits of that row, 0 first. */
  readonly slot: number;
}

/** A transition: `to` is a level slug, or an exit's key. */
export interface MapEdge {
  readonly kind: 'level' | 'exit';
  readonly from: string;
  readonly to: string;
}

/** The whole ladder as a map: lanes (one per track, or one unnamed lane), levels, exits and the transitions between them. */
export interface TrackMap {
  readonly lanes: readonly { readonly track: Track | null; readonly name: string }[];
  readonly levels: readonly MapLevel[];
  readonly exits: readonly MapExit[];
  readonly edges: readonly MapEdge[];
}

const TRACK_NAMES: Readonly<Record<Track, string>> = { 'individual-contributor': 'Individual contributor', management: 'Management' };

/**
 * Lays out the ladder's tracks. A level's track is its front matter's; a level without one takes the
 * track its transitions agree on (every level it comes from and goes to that has a track names the
 * same one). When no level has a track the map has one unnamed lane: nothing is guessed.
 */
export function trackMap(ladder: Ladder): TrackMap {
  const levels = ladder.levels;
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  const exits: MapExit[] = [];
  levels.forEach((level, row) => {
    for (const transition of level.facets.transitions) {
      for (const target of transition.targets) {
        const to = target.slug ?? `exit:${level.slug}:${target.name.trim().toLowerCase()}`;
        if (to === level.slug || seen.has(`${level.slug}\u0000${to}`)) continue;
        seen.add(`${level.slug}\u0000${to}`);
        edges.push({ kind: target.slug ? 'level' : 'exit', from: level.slug, to });
        // Each exit sits on its level's row: one level per row, so the way out never crosses another level.
        if (!target.slug) exits.push({ key: to, name: target.name, row, slot: exits.filter((exit) => exit.row === row).length });
      }
    }
  });
  const tracks = inferTracks(levels, edges);
  const used = (['individual-contributor', 'management'] as const).filter((track) => [...tracks.values()].includes(track));
  const lanes = used.length > 0 ? used.map((track) => ({ track, name: TRACK_NAMES[track] })) : [{ track: null, name: '' }];
  return {
    lanes,
    levels: levels.map((level, row) => {
      const track = tracks.get(level.slug) ?? null;
      return { level, row, lane: track === null ? (used.length > 0 ? null : 0) : used.indexOf(track) };
    }),
    exits,
    edges,
  };
}

function inferTracks(levels: readonly Level[], edges: readonly MapEdge[]): Map<string, Track> {
  const tracks = new Map<string, Track>();
  for (const level of levels) if (level.track) tracks.set(level.slug, level.track);
  if (tracks.size === 0) return tracks;
  const links = edges.filter((edge) => edge.kind === 'level');
  for (let changed = true; changed; ) {
    changed = false;
    for (const level of levels) {
      if (tracks.has(level.slug)) continue;
      const into = links.filter((edge) => edge.to === level.slug).flatMap((edge) => tracks.get(edge.from) ?? []);
      const out = links.filter((edge) => edge.from === level.slug).flatMap((edge) => tracks.get(edge.to) ?? []);
      const agreed = new Set([...into, ...out]);
      if (into.length > 0 && out.length > 0 && agreed.size === 1) {
        tracks.set(level.slug, [...agreed][0] as Track);
        changed = true;
      }
    }
  }
  return tracks;
}
