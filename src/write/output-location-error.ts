import { EnvironmentError, failure } from '../failures.js';

/** The file system codes that mean "this place cannot take the output", not a bug. */
const REASONS: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** The output folder's location cannot be written: an environment problem (exit 3), named plainly. */
export class OutputLocationError extends EnvironmentError {
  override readonly name = 'OutputLocationError';
}

/** The same error, explained, when `error` is one of the file system's "cannot write here" errors. */
export function asOutputLocationError(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (!code || !reason) return error;
  return new OutputLocationError(failure('output-location', { outDir, reason, code }), { cause: error });
}
