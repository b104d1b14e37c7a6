import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command, Sample } from './measure.js';

export type Group = 'ladderpress' | 'peer' | 'floor';

/** One thing the bench times: a command, what to do before each run, and how to tell it worked. */
export interface Scenario {
  readonly id: string;
  readonly group: Group;
  readonly label: string;
  /** What a reader should type to reproduce it (shown in RESULTS.md). */
  readonly shown: string;
  /** Untimed work before each run (clean the output, edit a file…). */
  readonly prepare?: () => Promise<void>;
  readonly command: Command;
  /** Null when the run produced what it should, else what is missing. */
  readonly verify: () => Promise<string | null>;
  readonly timeoutMs: number;
  /** Where a PDF scenario's PDFs are: their pages are counted, for comparisons per printed page. */
  readonly pdfDir?: string;
}

/**
 * Scenarios that must run one after another in this order every round (a cold build, then an
 * edit rebuild on its output, then a no-change rebuild) — rotated as one unit.
 */
export type Unit = readonly Scenario[];

export interface Measured {
  readonly scenario: Scenario;
  readonly samples: Sample[];
}

/** Counts files under a folder whose names end with one of the extensions. */
export async function countFiles(dir: string, extensions: readonly string[]): Promise<number> {
  let count = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) count += 1;
  }
  return count;
}

/** A verify function that requires at least `expected` files of each kind under `dir`. */
export function expectFiles(dir: string, expected: Readonly<Record<string, number>>): () => Promise<string | null> {
  return async () => {
    const missing: string[] = [];
    for (const [ext, min] of Object.entries(expected)) {
      const found = await countFiles(dir, [ext]);
      if (found < min) missing.push(`${found}/${min} ${ext}`);
    }
    return missing.length > 0 ? `only ${missing.join(', ')} in ${path.basename(dir)}` : null;
  };
}
