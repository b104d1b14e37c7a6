import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { modelJsonChunks } from '../model/serialize-model.js';
import type { Article, Ladder, Level, Overview } from '../model/types.js';
import { keepNewest } from './keep-newest.js';
import { ladderPartKeys, partKeyOf, type LadderPartKeys } from '../render/part-keys.js';

/** A read of the content as it is kept: the model and the problems found while reading it. */
export interface CachedRead {
  readonly ladder: Ladder | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ModelCacheResult extends CachedRead {
  readonly hit: boolean;
  /** The render keys of the model's parts (render/part-keys.ts), worked out once with model.json's text. */
  readonly partKeys: LadderPartKeys | null;
  /**
   * model.json's bytes, read back from the entry when they are written out: the model is serialised
   * once. Null when the entry could not be written.
   */
  readonly modelJson: (() => Promise<Uint8Array>) | null;
}

/** What an entry keeps besides the model: its second line. */
interface EntryTail {
  readonly diagnostics: readonly Diagnostic[];
  /** The render keys of the parts (render/part-keys.ts), in model order; null without a model. */
  readonly parts: LadderPartKeys | null;
}

/** Reads kept at most: the latest few (the dev server and `out/` alternate between two). */
const KEEP = 8;

/**
 * The model of content read before, keyed by the SHA-256 of every input file's path and bytes plus
 * what else the reader depends on (`salt`: tool fingerprint, site settings, limits, working folder).
 * An entry is exactly model.json's text (or `null` without a model), then one line of JSON
 * (diagnostics, part keys): a rebuild with no content change skips parsing altogether, and no
 * build serialises the model twice or holds it whole as text.
 */
export async function cachedRead(cacheDir: string, files: readonly { file: string; bytes: Uint8Array }[], salt: string, reuse: boolean, read: () => Promise<CachedRead>): Promise<ModelCacheResult> {
  const hash = createHash('sha256').update(salt);
  for (const { file, bytes } of files) hash.update('\0').update(file).update('\0').update(String(bytes.byteLength)).update('\0').update(bytes);
  const dir = path.join(cacheDir, 'models');
  const entry = path.join(dir, `${hash.digest('hex')}.json`);
  const modelJson = async (): Promise<Uint8Array> => {
    const bytes = await readFile(entry);
    return bytes.subarray(0, bytes.indexOf(0x0a) + 1);
  };
  const cached = reuse ? await readFile(entry).then(readEntry, () => null) : null;
  if (cached) return { ...cached, hit: true, modelJson };
  let partKeys: LadderPartKeys | null = null;
  const fresh = await read();
  const { ladder } = fresh;
  const temporary = `${entry}.tmp-${process.pid}`;
  try {
    await mkdir(dir, { recursive: true });
    const chunks = function* (): Generator<string> {
      const known = new Map<Level | Article | Overview, string>();
      if (ladder) yield* modelJsonChunks(ladder, (part, json) => known.set(part, partKeyOf(json)));
      else yield 'null\n';
      // After the model, so the part keys are those its pieces were just hashed to.
      partKeys = ladder && ladderPartKeys(ladder, known);
      const tail: EntryTail = { diagnostics: fresh.diagnostics, parts: partKeys };
      yield `${JSON.stringify(tail)}\n`;
    };
    await writeFile(temporary, chunks());
    await rename(temporary, entry);
    await pruneOldest(dir);
  } catch {
    // A cache that cannot be written (read-only, full) makes the next build slower, never this one fail.
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ...fresh, hit: false, modelJson: null, partKeys: null };
  }
  return { ...fresh, hit: false, modelJson, partKeys };
}

function readEntry(bytes: Buffer): (CachedRead & { partKeys: LadderPartKeys | null }) | null {
  const end = bytes.indexOf(0x0a);
  if (end === -1) return null;
  const tail = JSON.parse(bytes.toString('utf8', end + 1)) as EntryTail;
  const ladder = JSON.parse(bytes.toString('utf8', 0, end)) as Ladder | null;
  return { ladder, diagnostics: tail.diagnostics, partKeys: ladder && tail.parts };
}

async function pruneOldest(dir: string): Promise<void> {
  await keepNewest(dir, (await readdir(dir)).filter((name) => name.endsWith('.json')), KEEP);
}
