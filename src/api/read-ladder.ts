import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { Settings } from '../config/resolve-settings.js';
import type { Ladder } from '../model/types.js';
import type { ProjectOptions } from './project-options.js';

export interface ReadLadderResult {
  /** The model every output is rendered from; null when an error makes it unusable (see diagnostics). */
  readonly ladder: Ladder | null;
  /** Every problem found, errors and warnings, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a content folder into the ladder model (what `ladderpress model` prints), with the config's
 * settings applied. Nothing is written or printed.
 * @example
 * import { readLadder } from 'ladderpress';
 * const { ladder, diagnostics } = await readLadder({ content: 'content' });
 * for (const level of ladder?.levels ?? []) console.log(level.slug, level.title);
 */
export async function readLadder(options: ProjectOptions = {}): Promise<ReadLadderResult> {
  const { ladder, diagnostics } = await readProject(options);
  return { ladder, diagnostics: diagnostics.all };
}

/** The settings, the model and the problems of a project, for the API's entry points. */
export async function readProject(options: ProjectOptions): Promise<{ settings: Settings | null; ladder: Ladder | null; diagnostics: Diagnostics }> {
  // Loaded on call: a config importing defineConfig from this entry must not load the readers.
  const [{ resolveSettings }, { loadLadder }] = await Promise.all([import('../config/resolve-settings.js'), import('../read/load-ladder.js')]);
  const diagnostics = new Diagnostics();
  const settings = await resolveSettings({ contentDir: options.content ?? null, outDir: null, configFile: options.config ?? null }, diagnostics);
  const { ladder } = settings ? await loadLadder(settings, diagnostics) : { ladder: null };
  return { settings, ladder, diagnostics };
}
