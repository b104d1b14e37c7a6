import type { Nodes } from 'mdast';

/**
 * Calls `visit` on every node, parents before children, without recursion: a list nested thousands
 * deep must not overflow the stack.
 */
export function visitNodes(tree: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    visit(node);
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as Nodes);
    }
  }
}
