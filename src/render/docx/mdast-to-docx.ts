import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Nodes, Root } from 'mdast';
import { blockHandlers, blocks, type BlockContext } from './block-handlers.js';
import type { BodyScope } from './docx-state.js';
import { inlineHandlers } from './inline-handlers.js';
import { STYLE } from './styles.js';

// A node type added to mdast (or by a plugin's types) fails to compile here until a handler exists.
// listItem, tableRow and tableCell are rendered by their parents' handlers, root by mdastToDocx.
type Handled = keyof typeof blockHandlers | keyof typeof inlineHandlers | 'root' | 'listItem' | 'tableRow' | 'tableCell';
type Unhandled = Exclude<Nodes['type'], Handled>;
const everyNodeTypeHandled: [Unhandled] extends [never] ? true : Unhandled = true;
void everyNodeTypeHandled;

/**
 * A body as Word blocks. Footnotes go to the document's footnotes part where they are referenced;
 * definitions never referenced are listed under "Notes" at the end, so nothing is dropped.
 */
export function mdastToDocx(body: Root, scope: BodyScope, textWidth: number): FileChild[] {
  const context: BlockContext = {
    scope,
    marks: {},
    listLevel: -1,
    inQuote: false,
    paragraphsOnly: false,
    textWidth,
    footnote: (identifier) => {
      const definition = scope.footnoteDefinitions.get(identifier);
      if (!definition) return null;
      scope.referencedFootnotes.add(identifier);
      // Word separates the note's number from its text with a space, as in its own footnotes.
      const [first, ...rest] = definition.children;
      const content = first?.type === 'paragraph' ? [{ ...first, children: [{ type: 'text' as const, value: ' ' }, ...first.children] }, ...rest] : definition.children;
      // Word has no notes inside notes (and a note citing itself would never end): they stay text.
      const inNote: BlockContext = { ...context, paragraphsOnly: true, footnote: () => null };
      const children = blocks(content, inNote).filter((child): child is Paragraph => child instanceof Paragraph);
      return scope.state.addFootnote(children);
    },
  };
  const out = blocks(body.children, context);
  const unreferenced = [...scope.footnoteDefinitions.values()].filter((definition) => !scope.referencedFootnotes.has(definition.identifier));
  if (unreferenced.length > 0) {
    out.push(new Paragraph({ style: STYLE.heading(2 + scope.headingShift), children: [new TextRun('Notes')] }));
    for (const definition of unreferenced) {
      const label = new TextRun({ text: `[${scope.text(definition.label ?? definition.identifier, definition.position?.start)}] `, bold: true });
      const [first, ...rest] = blocks(definition.children, { ...context, paragraphsOnly: true, footnote: () => null });
      out.push(new Paragraph({ children: [label] }), ...(first ? [first] : []), ...rest);
    }
  }
  return out;
}
