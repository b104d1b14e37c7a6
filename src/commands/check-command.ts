import { existsSync } from 'node:fs';
import { checkOutputNames } from '../check-output-names.js';
import { resolveSettings, type Settings } from '../config/resolve-settings.js';
import { Diagnostics } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { formatsNamed } from '../formats.js';
import type { Ladder } from '../model/types.js';
import { loadLadder } from '../read/load-ladder.js';
import { TOOL_VERSION } from '../tool-version.js';
import { toolFingerprint } from '../write/tool-fingerprint.js';
import { failed, reportDiagnostics } from './report-diagnostics.js';

/** `ladderpress check`: every problem in one run, nothing written. */
export async function runCheck(dir: string | null, options: { json: boolean; strict: boolean; config: string | null }): Promise<number> {
  const diagnostics = new Diagnostics();
  let ladder: Ladder | null;
  let settings: Settings | null;
  try {
    settings = await resolveSettings({ contentDir: dir, outDir: null, configFile: options.config }, diagnostics);
    // Through the build's read cache once a build has made it: unchanged content is not parsed again (a
    // check after a build, or after another check, reads the model's outcome back), and what it parses
    // serves the next build. A project never built gets no cache folder from a check: it writes nothing.
    const cache = settings && existsSync(settings.cacheDir) ? { dir: settings.cacheDir, salt: await toolFingerprint(TOOL_VERSION), reuse: true } : null;
    ({ ladder } = settings ? await loadLadder(settings, diagnostics, cache) : { ladder: null });
    if (settings && ladder) checkOutputNames(ladder, formatsNamed(settings.config.formats), settings.contentDir, diagnostics);
  } catch (error) {
    // Tools reading --json get an answer even when ladderpress itself fails.
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}`, errors: 0, warnings: 0, diagnostics: [] }, null, 2)}\n`);
    throw error;
  }
  reportDiagnostics(diagnostics, options.json);
  const fail = failed(diagnostics, options.strict);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: !fail, errors: diagnostics.errorCount, warnings: diagnostics.warningCount, diagnostics: diagnostics.all }, null, 2)}\n`);
  } else if (!fail && ladder) {
    process.stderr.write(`ok: ${ladder.levels.length} levels, ${ladder.articles.length} articles${ladder.overview ? ', overview' : ''}\n`);
  }
  if (!settings) return EXIT.usage;
  return fail ? EXIT.content : EXIT.ok;
}
