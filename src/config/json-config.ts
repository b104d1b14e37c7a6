import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type JsonConfig =
  | { readonly ok: true; readonly value: unknown; readonly positionOf: (path: readonly PropertyKey[]) => Position | null }
  | { readonly ok: false; readonly error: string; readonly at: Position };

/**
 * Parses a JSON config strictly (comments allowed, as in tsconfig.json), keeping the syntax tree so
 * every validation problem can point at its key. jsonc-parser, the parser of VS Code, gives offsets
 * for syntax errors too, which JSON.parse does not reliably do.
 */
export function parseJsonConfig(text: string): JsonConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const at = (offset: number): Position => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const [error] = errors;
  if (error || !tree) return { ok: false, error: error ? describe(error) : 'the file is empty', at: at(error?.offset ?? 0) };
  return {
    ok: true,
    value: getNodeValue(tree),
    positionOf(path) {
      // The innermost key that exists: a missing key is reported at its parent.
      for (let length = path.length; length > 0; length -= 1) {
        const node = findNodeAtLocation(tree, path.slice(0, length).map((segment) => (typeof segment === 'number' ? segment : String(segment))));
        const key = node && keyOf(node);
        if (key) return at(key.offset);
      }
      return at(tree.offset);
    },
  };
}

/** A property's key node, or the node itself for array items. */
function keyOf(node: Node): Node {
  return node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
}

function describe(error: ParseError): string {
  // "PropertyNameExpected" → "property name expected"
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
