import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostics } from '../diagnostics.js';
import { configLoadFailure } from './config-load-failure.js';
import { configSchema } from './config-schema.js';
import type { ResolvedConfig } from './config-types.js';
import { parseJsonConfig, type Position } from './json-config.js';

export const CONFIG_FILES = ['ladderpress.config.ts', 'ladderpress.config.mts', 'ladderpress.config.mjs', 'ladderpress.config.js', 'ladderpress.config.json'] as const;

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
  let positionOf: (keyPath: readonly PropertyKey[]) => Position | null = () => null;
  try {
    if (file.endsWith('.json')) {
      const parsed = parseJsonConfig(await readFile(file, 'utf8'));
      if (!parsed.ok) {
        diagnostics.report('invalid-config', shown, parsed.at, `Config is not valid JSON: ${parsed.error}`);
        return null;
      }
      raw = parsed.value;
      positionOf = parsed.positionOf;
    } else {
      // The query defeats the module cache, so `ladderpress dev` sees an edited config.
      const version = await stat(file).then((s) => `${s.mtimeMs}-${s.size}`);
      const url = `${pathToFileURL(path.resolve(file)).href}?v=${version}`;
      const module = (await (/\.[cm]?ts$/.test(file) ? importTypeScript(url) : import(url))) as { default?: unknown };
      raw = module.default ?? {};
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(path.resolve(file)));
    const { message, at } = configLoadFailure(error);
    // A .ts config in a CommonJS project is compiled as CommonJS and cannot import the ES module.
    const commonJs = /Unknown file extension|Cannot require\(\) ES Module|ERR_REQUIRE/.test(message);
    const hint = commonJs ? 'Name the file ladderpress.config.mts, or add "type": "module" to your package.json.' : undefined;
    diagnostics.report('invalid-config', shown, at, missing ? 'Config file not found' : `Config could not be loaded: ${message}`, hint);
    return null;
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      const what = issue.code === 'unrecognized_keys' ? `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : lowerFirst(issue.message.replace(/^Invalid input: /, ''));
      const at = positionOf(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path);
      diagnostics.report('invalid-config', shown, at, key ? `Config "${key}" ${what}` : `Config ${what}`);
    }
    return null;
  }
  return { config: result.data, file };
}

/**
 * A TypeScript config, compiled by tsx for this one import: the CLI itself runs compiled JavaScript.
 * In a CommonJS project tsx compiles it to CommonJS, whose `export default` arrives one level down.
 */
async function importTypeScript(url: string): Promise<{ default?: unknown }> {
  const { tsImport } = await import('tsx/esm/api');
  const module = (await tsImport(url, import.meta.url)) as { default?: unknown };
  const commonJs = module.default as { __esModule?: boolean; default?: unknown } | undefined;
  return commonJs?.__esModule === true ? { default: commonJs.default } : module;
}

async function firstExisting(files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if (await access(file).then(() => true, () => false)) return file;
  }
  return null;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
