import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ladderpress package's own folder: its templates/, and its src/ in a clone. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

