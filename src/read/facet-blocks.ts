import type { List, RootContent, Table } from 'mdast';
import type { Inline, LevelRef } from '../model/types.js';
import { inlineOfBlock } from './inline.js';

/** Finds the level a name refers to ("Director", "Engineering Manager"), when it is in the ladder. */
export type LevelResolver = (name: string) => LevelRef;

/** The items of the first list among the blocks, each as Inline. */
export function listItems(blocks: readonly RootContent[]): Inline[] {
  const list = blocks.find((block): block is List => block.type === 'list');
  return list ? list.children.map((item) => inlineOfBlock(item)) : [];
}

export function tablesIn(blocks: readonly RootContent[]): Table[] {
  return blocks.filter((block): block is Table => block.type === 'table');
}
