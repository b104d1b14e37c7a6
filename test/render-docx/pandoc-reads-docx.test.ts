import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';
import { renderDocx } from './docx-helpers.js';

/**
 * An independent reader sees the structure, not just the look: Pandoc's docx reader turns heading
 * styles into headings, Word numbering into (nested, numbered) lists, tables into tables.
 */
describe("Pandoc's docx reader", () => {
  it('reads the kitchen-sink level back as structured Markdown', async () => {
    const ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-pandoc-'));
    const file = path.join(dir, 'alpha.docx');
    await writeFile(file, (await renderDocx(ladder)).get('alpha.docx') ?? new Uint8Array());
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'gfm', '--wrap=none', file], { encoding: 'utf8' });
    expect(markdown).toContain('# Core Responsibilities');
    expect(markdown).toContain('## Shipping Changes');
    expect(markdown).toMatch(/^-\s+Level one bullet\n\n\s{4}-\s+Level two bullet\n\n\s{8}-\s+Level three bullet/m);
    expect(markdown).toMatch(/^3\.\s+An ordered list starting at three$/m);
    expect(markdown).toMatch(/^\s{4}1\.\s+First ordered step$/m);
    expect(markdown).toMatch(/^\| Category\s+\| Skills\s+\|$/m);
    expect(markdown).toContain('[inline link](https://example.com/docs)');
    expect(markdown).toContain('[Beta](beta.html)');
    expect(markdown).toMatch(/^ {4}\/\/ A fenced block with a language$/m);
    expect(markdown).toMatch(/\[\^1\]: A footnote definition with \*emphasis\*/);
  });
});
