import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostics } from '../diagnostics.js';
import { configSchema, type ResolvedConfig } from './config-schema.js';

export const CONFIG_FILES = ['ladderpress.config.ts', 'ladderpress.config.mjs', 'ladderpress.config.js', 'ladderpress.config.json'] as const;

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  /** The config file, or null when the defaults are used. */
  readonly file: string | null;
}

/**
 * Finds and validates the config: the file given, else the first of CONFIG_FILES in `dir`, else the
 * defaults. Problems go to `diagnostics` with positions (JSON files) and null is returned.
 */
export async function loadConfig(dir: string, explicitFile: string | null, diagnostics: Diagnostics): Promise<LoadedConfig | null> {
  const file = explicitFile ?? (await firstExisting(CONFIG_FILES.map((name) => path.join(dir, name))));
  if (file === null) return { config: configSchema.parse({}), file: null };
  const shown = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  let doc: Document | null = null;
  const lineCounter = new LineCounter();
  try {
    if (file.endsWith('.json')) {
      doc = parseDocument(await readFile(file, 'utf8'), { lineCounter, prettyErrors: true });
      const [error] = doc.errors;
      if (error) {
        const pos = lineCounter.linePos(error.pos[0]);
        diagnostics.report('invalid-config', shown, { line: pos.line, column: pos.col }, `Config is not valid JSON: ${error.message.split('\n')[0]}`);
        return null;
      }
      raw = doc.toJS({ maxAliasCount: 0 });
    } else {
      // The query defeats the module cache, so `ladderpress dev` sees an edited config.
      const version = await stat(file).then((s) => `${s.mtimeMs}-${s.size}`);
      const module = (await import(`${pathToFileURL(path.resolve(file)).href}?v=${version}`)) as { default?: unknown };
      raw = module.default ?? {};
    }
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    diagnostics.report('invalid-config', shown, null, missing ? 'Config file not found' : `Config could not be loaded: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      const at = doc ? positionOf(doc, lineCounter, issue.path) : null;
      const what = issue.code === 'unrecognized_keys' ? `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message.toLowerCase().replace(/^invalid input: /, '');
      diagnostics.report('invalid-config', shown, at, key ? `Config "${key}" ${what}` : `Config ${what}`);
    }
    return null;
  }
  return { config: result.data, file };
}

async function firstExisting(files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if (await access(file).then(() => true, () => false)) return file;
  }
  return null;
}

function positionOf(doc: Document, lineCounter: LineCounter, keyPath: readonly PropertyKey[]): { line: number; column: number } | null {
  let node: unknown = doc.contents;
  let offset: number | null = null;
  for (const segment of keyPath) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair || !isScalar(pair.key)) break;
    offset = pair.key.range?.[0] ?? offset;
    node = pair.value;
  }
  if (offset === null) return null;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
