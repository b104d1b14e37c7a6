// The read+parse floor: read every document of a corpus and parse it with bare remark-parse +
// remark-gfm in one process — no model, no rendering. Nothing that parses this Markdown with
// unified can be faster than this in one process.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
if (!dir) throw new Error('usage: parse-floor <corpus>');
const processor = unified().use(remarkParse).use(remarkGfm);
let nodes = 0;
for (const sub of ['levels', 'articles']) {
  const names = (await readdir(path.join(dir, sub)).catch(() => [])).sort();
  for (const name of names) {
    const tree = processor.parse(await readFile(path.join(dir, sub, name), 'utf8'));
    nodes += tree.children.length;
  }
}
process.stderr.write(`parsed ${nodes} top-level nodes\n`);
