/** Exit code of a ladderpress bug: distinct from the user-error codes 1–3 (EX_SOFTWARE of sysexits). */
export const INTERNAL_ERROR_EXIT = 70;

/**
 * A bug in ladderpress, not a mistake of the user: one line and where to report it. The stack
 * only under DEBUG=ladderpress, so users never face a trace for something they cannot fix.
 */
export function reportInternalError(error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const message = error instanceof Error ? error.message : String(error);
  const debug = /(^|,)\s*ladderpress(\*|:|\s*(,|$))/.test(env['DEBUG'] ?? '');
  process.stderr.write(`ladderpress: internal error: ${message.split('\n')[0]}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  else process.stderr.write('This is a bug in ladderpress, please report it (run with DEBUG=ladderpress for details).\n');
  return INTERNAL_ERROR_EXIT;
}
