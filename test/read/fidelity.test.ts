import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, DocumentBase, Ladder } from '../../src/model/types.js';
import { visitNodes } from '../../src/read/visit-nodes.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { hasSharedFixtures, PROJECT_ROOT, sharedFixtureContent } from '../helpers/shared-fixtures.js';

/** Words of two or more letters/digits, lower-cased. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []);
}

/** Every string the model holds for a document: titles, text, urls, alt texts, code, identifiers. */
function modelWords(document: DocumentBase): Set<string> {
  const strings: string[] = [JSON.stringify(document.frontMatter)];
  const collect = (value: unknown, key: string): void => {
    if (typeof value === 'string' && key !== 'type') strings.push(value);
    else if (Array.isArray(value)) value.forEach((item) => collect(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'position' && k !== 'data') collect(v, k);
  };
  collect(document.titleInline, '');
  collect(document.body, '');
  return words(strings.join(' '));
}

/** The source text a document's body must keep: for articles, everything above the scraped tail. */
async function sourceText(dir: string, document: DocumentBase): Promise<string> {
  const text = await readFile(path.join(dir, document.file), 'utf8');
  if ((document as Article).kind !== 'article') return text;
  const lines = text.split('\n');
  const source = lines.findIndex((line) => /^source\s*:/i.test(line.trim()));
  return lines.slice(0, source + 1).join('\n');
}

async function expectLossless(dir: string, ladder: Ladder): Promise<number> {
  let checked = 0;
  const documents: DocumentBase[] = [...ladder.levels, ...ladder.articles, ...(ladder.overview ? [ladder.overview] : [])];
  for (const document of documents) {
    const have = modelWords(document);
    const missing = [...words(await sourceText(dir, document))].filter((word) => !have.has(word));
    expect({ file: document.file, missing }).toEqual({ file: document.file, missing: [] });
    checked += 1;
  }
  return checked;
}

describe('fidelity: every word of every source body is reachable in the model', () => {
  for (const dir of ['content', 'test/fixtures/kitchen-sink']) {
    it(dir, async () => {
      const root = path.join(PROJECT_ROOT, dir);
      const ladder = await readLadderOrThrow(root);
      const files = (await readdir(path.join(root, 'levels'))).length + (await readdir(path.join(root, 'articles'))).length + 1;
      expect(await expectLossless(root, ladder)).toBe(files);
    });
  }

  it.skipIf(!hasSharedFixtures)('the reference role doc and article', async () => {
    const dir = await sharedFixtureContent();
    expect(await expectLossless(dir, await readLadderOrThrow(dir))).toBe(2);
  });

  it('scraped boilerplate is the only thing left out of an article', async () => {
    const ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, 'content'));
    const json = JSON.stringify(ladder.articles);
    for (const junk of ['Leave a Reply', 'You must be logged in', 'Share this', 'Like Loading', 'Cancel reply']) expect(json).not.toContain(junk);
  });
});

describe('source positions of the plain-text reader', () => {
  it('point at exactly the text of each node (line, column and offset)', async () => {
    const root = path.join(PROJECT_ROOT, 'content');
    const ladder = await readLadderOrThrow(root);
    let checked = 0;
    for (const article of ladder.articles) {
      const text = await readFile(path.join(root, article.file), 'utf8');
      const lines = text.split('\n');
      visitNodes(article.body, (node) => {
        if (node.type !== 'text' || !node.position) return;
        const { start, end } = node.position;
        expect(text.slice(start.offset, end.offset)).toBe(node.value);
        expect(lines[start.line - 1]?.slice(start.column - 1, start.column - 1 + node.value.length)).toBe(node.value);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
});
