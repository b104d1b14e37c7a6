/** The file system codes that mean "this place cannot take the output", not a bug. */
const REASONS: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

/** The output folder's location cannot be written: an environment problem (exit 3), named plainly. */
export class OutputLocationError extends Error {
  override readonly name = 'OutputLocationError';
}

/** The same error, explained, when `error` is one of the file system's "cannot write here" errors. */
export function asOutputLocationError(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (!reason) return error;
  return new OutputLocationError(`cannot write the output next to ${outDir}/: ${reason} (${code}). Nothing was written; the previous ${outDir}/ is unchanged`, { cause: error });
}
