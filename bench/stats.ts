import type { Sample } from './measure.js';

export interface Summary {
  readonly runs: number;
  readonly ok: number;
  readonly medianMs: number | null;
  readonly minMs: number | null;
  readonly maxMs: number | null;
  readonly nodeRssKb: number | null;
  readonly treePssKb: number | null;
  readonly errors: readonly string[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median and range over the successful runs; memory is the worst run's. */
export function summarize(samples: readonly Sample[]): Summary {
  const good = samples.filter((sample) => sample.ok);
  const times = good.map((sample) => sample.wallMs);
  const rss = good.flatMap((sample) => (sample.nodeRssKb === null ? [] : [sample.nodeRssKb]));
  const pss = good.map((sample) => sample.treePssKb);
  return {
    runs: samples.length,
    ok: good.length,
    medianMs: median(times),
    minMs: times.length > 0 ? Math.min(...times) : null,
    maxMs: times.length > 0 ? Math.max(...times) : null,
    nodeRssKb: rss.length > 0 ? Math.max(...rss) : null,
    treePssKb: pss.length > 0 ? Math.max(...pss) : null,
    errors: [...new Set(samples.flatMap((sample) => (sample.error ? [sample.error] : [])))],
  };
}
