import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ladderpress package's own folder: its templates/ and its code (the tool's fingerprint). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The tool's own code, hashed into cache keys: src/ in a clone (an edit not compiled yet counts),
 * dist/ in an installed package, which ships no src/.
 */
export function toolCodeDir(): string {
  const sources = path.join(PROJECT_ROOT, 'src');
  return existsSync(sources) ? sources : path.join(PROJECT_ROOT, 'dist');
}
