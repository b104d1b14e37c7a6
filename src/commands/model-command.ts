import { once } from 'node:events';
import { resolveSettings } from '../config/resolve-settings.js';
import { Diagnostics } from '../diagnostics.js';
import { EXIT } from '../exit-codes.js';
import { modelJsonChunks, serializeModel } from '../model/serialize-model.js';
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
  // Indented for a person at a terminal; compact for the tools it is piped to, a level at a time:
  // at 500 levels the whole text is 70 MB, and writing it at once doubled the command's memory.
  if (process.stdout.isTTY) process.stdout.write(serializeModel(ladder, { indent: 2 }));
  else for (const chunk of modelJsonChunks(ladder)) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  return EXIT.ok;
}
