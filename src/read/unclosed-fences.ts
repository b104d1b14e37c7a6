import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';
import { visitNodes } from './visit-nodes.js';

/**
 * CommonMark lets a code fence run to the end of its container when it is never closed: every later
 * section becomes code without a word. That is nearly always a forgotten closing fence, so say where
 * it opened.
 */
export function reportUnclosedFences(root: Root, text: string, file: string, diagnostics: Diagnostics): void {
  visitNodes(root, (node) => {
    if (node.type !== 'code' || node.position?.start.offset === undefined || node.position.end.offset === undefined) return;
    const source = text.slice(node.position.start.offset, node.position.end.offset);
    const fence = /^(`{3,}|~{3,})/.exec(source.trimStart())?.[1];
    if (!fence) return;
    const lines = source.split('\n');
    // The closing fence is the node's last line, after any container prefix ("> ", list indent).
    const last = (lines.at(-1) ?? '').replace(/^[\s>]*/, '').trimEnd();
    const closed = lines.length > 1 && last.length >= fence.length && [...last].every((character) => character === fence[0]);
    if (!closed) diagnostics.report('unclosed-code-fence', file, node.position.start, `Code block opened with ${fence} is never closed: everything after it, to the end of the document, is shown as code`);
  });
}
