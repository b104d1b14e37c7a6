import { describe, expect, it, vi } from 'vitest';

const parseFails = vi.hoisted(() => ({ value: false }));
vi.mock('../../src/read/parse-markdown.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/read/parse-markdown.js')>();
  return {
    parseMarkdown: (text: string) => {
      if (parseFails.value) throw new RangeError('Maximum call stack size exceeded');
      return original.parseMarkdown(text);
    },
  };
});
import { Diagnostics } from '../../src/diagnostics.js';
import { checkInputLimits, DEFAULT_LIMITS } from '../../src/read/input-limits.js';
import { linePrefix } from '../../src/read/line-nesting.js';
import { readMarkdownDocument } from '../../src/read/markdown-document.js';
import { levelFrontMatterSchema } from '../../src/read/front-matter-schema.js';

function limitCodes(text: string): string[] {
  const diagnostics = new Diagnostics();
  checkInputLimits(Buffer.byteLength(text), text, 'x.md', DEFAULT_LIMITS, diagnostics);
  return diagnostics.all.map((d) => `${d.code}@${d.line}`);
}

describe('nesting seen on one line', () => {
  it.each([
    ['bullets', '- '.repeat(40)],
    ['numbers', '1. '.repeat(40)],
    ['quotes and bullets', '> - '.repeat(20)],
    ['quotes without spaces', '>'.repeat(40)],
    ['tab-indented bullet', `${'\t'.repeat(20)}- x`],
    ['mixed containers', '> 1) > + > * '.repeat(7)],
  ])('%s', (_name, line) => {
    expect(limitCodes(`# T\n\n${line}x\n`)).toEqual(['nesting-too-deep@3']);
  });

  it('counts tabs as four columns and markers after quotes', () => {
    expect(linePrefix('\t- x')).toBe(3);
    expect(linePrefix('> > - x')).toBe(3);
    expect(linePrefix('- - x')).toBe(2);
  });

  it('does not take rules, emphasis or prose for nesting', () => {
    expect(linePrefix('* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *')).toBe(0);
    expect(linePrefix('- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -')).toBe(0);
    expect(linePrefix('*emphasis* and 1.5 times')).toBe(0);
    expect(linePrefix(`${' '.repeat(80)}plain indented text`)).toBe(0);
  });

  it('lets a realistic nested list through', () => {
    const list = Array.from({ length: 8 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    expect(limitCodes(`# T\n\n${list}\n\n> quote\n> > nested quote\n`)).toEqual([]);
  });
});

describe('pathological lines stay linear', () => {
  it('a 1 MB line of spaces is scanned in well under a second', () => {
    const text = `${' '.repeat(1_000_000)}x\n`;
    const started = performance.now();
    limitCodes(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('deeply nested square brackets are refused before micromark sees them', () => {
    expect(limitCodes(`# T\n\n${'['.repeat(5_000)}x${']'.repeat(5_000)}\n`)).toEqual(['nesting-too-deep@3']);
    expect(limitCodes(`# T\n\n${'['.repeat(20)}\n${'['.repeat(20)}\n`)).toEqual(['nesting-too-deep@4']);
  });

  it('brackets in code spans, escaped or closed, are fine', () => {
    expect(limitCodes(`# T\n\n\`${'['.repeat(100)}\` ${'\\['.repeat(100)} ${'[a] '.repeat(100)}\n`)).toEqual([]);
  });

  it('a paragraph of a thousand links is refused (micromark takes minutes on 1 MB of "[a]("), a list of them is not', () => {
    expect(limitCodes(`# T\n\nIntro\n${'[a]('.repeat(1_200)}\n`)).toEqual(['nesting-too-deep@4']);
    expect(limitCodes(`# T\n\n${Array.from({ length: 1_200 }, (_, i) => `- [link ${i}](https://example.com/${i})`).join('\n')}\n`)).toEqual([]);
    expect(limitCodes(`# T\n\n| a | b |\n|---|---|\n${'| [x](y) | [z](w) |\n'.repeat(700)}`)).toEqual([]);
  });

  it('a blank line ends a bracket run', () => {
    expect(limitCodes(`# T\n\n${'['.repeat(30)}\n\n${'['.repeat(30)}\n`)).toEqual([]);
  });
});

describe('a document the limits let through but remark cannot parse', () => {
  it('becomes a diagnostic, not a stack trace', () => {
    // Stands in for a shape the line scanner does not foresee: remark overflowing the stack.
    parseFails.value = true;
    try {
      const diagnostics = new Diagnostics();
      const doc = readMarkdownDocument('# T\n\ntext\n', 'x.md', levelFrontMatterSchema, diagnostics);
      expect(doc).toBeNull();
      expect(diagnostics.all.map((d) => `${d.code}: ${d.message}`)).toEqual(['nesting-too-deep: Markdown nests too deeply to read (Maximum call stack size exceeded)']);
    } finally {
      parseFails.value = false;
    }
  });
});
