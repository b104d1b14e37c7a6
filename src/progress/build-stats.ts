import { FORMAT_NAMES, type FormatName } from '../formats.js';

/** The stages of a build, in the order they run: one per output format (they overlap), between read and write. */
export type Stage = 'read' | FormatName | 'write' | 'verify';
export const STAGES: readonly Stage[] = ['read', ...FORMAT_NAMES, 'write', 'verify'];

/** Counts and time of one stage. `cached`: documents taken from the cache instead of rendered. */
export interface StageStats {
  state: 'pending' | 'running' | 'done' | 'skipped';
  total: number;
  done: number;
  cached: number;
  /** The cache was consulted: `cached` is final, `total - cached` documents will be rendered. */
  checked: boolean;
  ms: number;
}

/** What a build did, for the summary, `--json` and tests (render counts). */
export interface BuildStats {
  levels: number;
  articles: number;
  stages: Record<Stage, StageStats>;
  files: { total: number; written: number; unchanged: number; kept: number };
  /** hits/misses: PDF and DOCX documents; model: the content's model came from the cache (nothing parsed). */
  cache: { hits: number; misses: number; pruned: number; model: boolean };
  totalMs: number;
  /** Nothing was read or rendered: out/ already held what this build would write. */
  upToDate: boolean;
}

export function emptyStats(): BuildStats {
  const stage = (): StageStats => ({ state: 'pending', total: 0, done: 0, cached: 0, checked: false, ms: 0 });
  return {
    levels: 0,
    articles: 0,
    stages: Object.fromEntries(STAGES.map((name) => [name, stage()])) as Record<Stage, StageStats>,
    files: { total: 0, written: 0, unchanged: 0, kept: 0 },
    cache: { hits: 0, misses: 0, pruned: 0, model: false },
    totalMs: 0,
    upToDate: false,
  };
}
