import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../diagnostics.js';

/** Aliases a front matter may use before it is treated as an alias bomb. */
const MAX_ALIASES = 20;

/** A validated front matter and where each of its top-level keys is written in the file. */
export interface FrontMatterRead<Data> {
  readonly data: Data;
  readonly keys: Readonly<Record<string, { line: number; column: number }>>;
}

/**
 * Parses and validates a YAML front matter block. `firstLine` is the file line of the block's first
 * YAML line, so every problem points at the right place. Returns null after reporting problems.
 */
export function readFrontMatter<Schema extends z.ZodType<Record<string, unknown>>>(
  yamlText: string,
  firstLine: number,
  schema: Schema,
  file: string,
  diagnostics: Diagnostics,
): FrontMatterRead<z.infer<Schema>> | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      diagnostics.report('yaml-syntax', file, at(error.pos[0]), `Front matter is not valid YAML: ${firstSentence(error.message)}`);
    }
    return null;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    diagnostics.report('yaml-alias-limit', file, at(0), `Front matter uses too many YAML aliases (${(error as Error).message})`);
    return null;
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.report('invalid-front-matter', file, at(0), 'Front matter must be a set of "key: value" lines');
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, keys: topLevelKeys(doc, at) };
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    diagnostics.report('invalid-front-matter', file, at(keyOffset(doc, issue.path)), `Front matter "${key}" ${describeIssue(issue)}`);
  }
  return null;
}

function topLevelKeys(doc: Document, at: (offset: number) => { line: number; column: number }): Record<string, { line: number; column: number }> {
  const keys: Record<string, { line: number; column: number }> = {};
  if (!isMap(doc.contents)) return keys;
  for (const pair of doc.contents.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.key.range) keys[String(pair.key.value)] = at(pair.key.range[0]);
  }
  return keys;
}

function keyOffset(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const segment of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair || !isScalar(pair.key)) break;
    offset = pair.key.range?.[0] ?? offset;
    node = pair.value;
  }
  return offset;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  if (issue.code === 'too_small') return 'must not be empty';
  if (issue.code === 'invalid_format') return 'must be an http(s) URL';
  return issue.message.toLowerCase();
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
