import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readContent } from '../helpers/read-content.js';

const GOOD = `---
label: Good
order: 10
icon: person
---

# Good Level

Intro. You answer the question: **"Is this fine?"**

## Responsibilities

### Work
- Does things
`;

const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((key, index) => `${key}: &${key} [${Array(9).fill(`*${String.fromCharCode(97 + index)}`).join(',')}]`))
  .join('\n');

/** Every bad file in one folder: one run must report them all, each at its place. */
const FILES: Record<string, string | Uint8Array> = {
  'levels/good.md': GOOD,
  'levels/broken-yaml.md': '---\nlabel: [unclosed\norder: 3\n---\n\n# Broken\n',
  'levels/order-text.md': '---\nlabel: Text Order\norder: second\nbreadcrumb: "yes"\n---\n\n# Order As Text\n',
  'levels/unknown-icon.md': GOOD.replace('icon: person', 'icon: unicorn-sparkle').replace('# Good Level', '# Icon Level'),
  'levels/no-title.md': '---\nlabel: Untitled\n---\n\nJust a paragraph.\n\n## A section\n',
  'levels/two-titles.md': '# First\n\ntext\n\n# Second\n',
  'levels/empty.md': '',
  'levels/Senior Engineer.md': GOOD.replace('# Good Level', '# Senior A'),
  'levels/senior-engineer.md': GOOD.replace('# Good Level', '# Senior B'),
  'levels/alias-bomb.md': `---\n${ALIAS_BOMB}\n---\n\n# Bomb\n`,
  'levels/latin1.md': new Uint8Array([...Buffer.from('---\nlabel: Caf'), 0xe9, ...Buffer.from('\n---\n\n# Caf\n')]),
  'levels/crlf-bom.md': `\uFEFF${GOOD.replace('# Good Level', '# Windows Level').replace(/\n/g, '\r\n')}`,
};

let all: readonly Diagnostic[] = [];
const at = (file: string): string[] => all.filter((d) => d.file.endsWith(file)).map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('bad input: clear diagnostics with positions, every file checked in one run', () => {
  let ladderRead = false;
  let seconds = 0;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-bad-'));
    for (const [file, content] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    const started = performance.now();
    const { ladder, diagnostics } = await readContent(dir);
    seconds = (performance.now() - started) / 1000;
    all = diagnostics.all;
    ladderRead = ladder !== null;
  });

  it('errors mean no ladder (so nothing is built)', () => expect(ladderRead).toBe(false));
  it('broken YAML: error at the YAML line', () => expect(at('broken-yaml.md')[0]).toMatch(/^[23]:\d+ error yaml-syntax$/));
  it('wrong types: every field, at its key', () =>
    expect(at('order-text.md')).toEqual(['3:1 error invalid-front-matter', '4:1 error invalid-front-matter']));
  it('wrong types: the message names the field and the type', () =>
    expect(all.find((d) => d.file.endsWith('order-text.md'))?.message).toBe('Front matter "order" must be a number'));
  it('unknown icon: a warning', () => expect(at('unknown-icon.md')).toContain('4:1 warning unknown-icon'));
  it('no title', () => expect(at('no-title.md')).toEqual(['5:1 error missing-title']));
  it('two titles: at the second', () => expect(at('two-titles.md')).toEqual(['5:1 error multiple-titles']));
  it('empty file', () => expect(at('empty.md')).toEqual(['1:1 error empty-file']));
  it('two files with one slug: both named', () => {
    const duplicate = all.find((d) => d.code === 'duplicate-slug');
    expect(duplicate?.file).toMatch(/senior-engineer\.md$/);
    expect(duplicate?.message).toMatch(/Senior Engineer\.md/);
  });
  it('alias bomb: rejected, not expanded, and quickly', () => {
    expect(at('alias-bomb.md')).toEqual(['2:1 error yaml-alias-limit']);
    expect(seconds).toBeLessThan(10);
  });
  it('not UTF-8: error at the bad byte', () => expect(at('latin1.md')).toEqual(['2:11 error invalid-utf8']));
  // The two files share their order: the ladder-wide same-order warning falls on one of them, not on the encoding.
  it('CRLF and a BOM just work: the same findings, at the same places, as the LF file', () =>
    expect(at('crlf-bom.md').filter((finding) => !finding.includes('same-order'))).toEqual(at('good.md').filter((finding) => !finding.includes('same-order'))));
  it('the good file has no error (only warnings for the facets it lacks)', () => {
    expect(at('good.md').filter((finding) => !finding.includes('warning missing-facet'))).toEqual([]);
    expect(at('good.md')).toHaveLength(5);
  });
});
