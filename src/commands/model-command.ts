import { resolveSettings } from '../config/resolve-settings.js';
import { Diagnostics } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { serializeModel } from '../model/serialize-model.js';
import { loadLadder } from '../read/load-ladder.js';
import { reportDiagnostics } from './report-diagnostics.js';

/** `ladderpress model`: the model as JSON on stdout, problems on stderr. */
export async function runModel(dir: string | null, options: { config: string | null }): Promise<number> {
  const diagnostics = new Diagnostics();
  const settings = await resolveSettings({ contentDir: dir, outDir: null, configFile: options.config }, diagnostics);
  const { ladder } = settings ? await loadLadder(settings, diagnostics) : { ladder: null };
  reportDiagnostics(diagnostics, false);
  if (!settings) return EXIT.usage;
  if (!ladder) return EXIT.content;
  // Indented for a person at a terminal; compact for the tools it is piped to.
  process.stdout.write(serializeModel(ladder, process.stdout.isTTY ? { indent: 2 } : {}));
  return EXIT.ok;
}
