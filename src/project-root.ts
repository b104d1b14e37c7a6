import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ladderpress package's own folder: its templates/ and src/ (the tool's fingerprint). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
