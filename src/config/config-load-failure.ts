import type { Position } from './json-config.js';

/** esbuild's message object (tsx compiles .ts configs with it); only the fields read here. */
interface EsbuildMessage {
  readonly text?: string;
  readonly location?: { readonly line: number; readonly column: number } | null;
}

/**
 * What went wrong loading a JS/TS config, and where: tsx (esbuild) reports a syntax error as
 * "Transform failed with 1 error:\n<file>:3:19: ERROR: Expected "]" but found "'pdf'"" and, in some
 * versions, as an `errors` array; the first line alone names neither the cause nor the line.
 */
export function configLoadFailure(error: unknown): { message: string; at: Position | null } {
  const text = error instanceof Error ? error.message : String(error);
  const first = (error as { errors?: readonly EsbuildMessage[] } | null)?.errors?.[0];
  if (first?.text) {
    // esbuild columns count from 0.
    return { message: first.text, at: first.location ? { line: first.location.line, column: first.location.column + 1 } : null };
  }
  const reported = /:(\d+):(\d+): ERROR: (.+)/.exec(text);
  if (reported) return { message: reported[3] ?? '', at: { line: Number(reported[1]), column: Number(reported[2]) + 1 } };
  return { message: text.split('\n')[0] ?? '', at: null };
}
