import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import type { Ladder } from '../../src/model/types.js';
import { planDocx } from '../../src/render/docx/plan-docx.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { docxContext, KITCHEN_SINK, part, parts, renderDocx, wordText, withBody } from './docx-helpers.js';

describe('docx robustness', () => {
  let ladder: Ladder;
  beforeAll(async () => {
    ladder = await readLadderOrThrow(KITCHEN_SINK);
  });

  it('strips control characters, with one warning per place', async () => {
    const body: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'bell\u0007 and\u0000 nul\uFFFE', position: { start: { line: 3, column: 1 }, end: { line: 3, column: 20 } } }] }],
    };
    const diagnostics = new Diagnostics();
    const files = await renderDocx(withBody(ladder, body), docxContext({ diagnostics }));
    const xml = part(files.get('alpha.docx') ?? new Uint8Array(), 'word/document.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(wordText(xml)).toContain('bell and nul');
    const warnings = diagnostics.all.filter((d) => d.code === 'control-characters');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'levels/alpha.md', line: 3, column: 1 });
  });

  it('leaves out the text of an inline <script>, as the site does', async () => {
    const body: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Before ' },
            { type: 'html', value: '<script>' },
            { type: 'text', value: "alert('inline')" },
            { type: 'html', value: '</script>' },
            { type: 'text', value: ' after.' },
          ],
        },
      ],
    };
    const files = await renderDocx(withBody(ladder, body));
    const text = wordText(part(files.get('alpha.docx') ?? new Uint8Array(), 'word/document.xml'));
    expect(text).toContain('Before');
    expect(text).toContain('after.');
    expect(text).not.toContain('alert');
  });

  it('renders unsafe and unresolved links as text, and raw HTML as its text only', async () => {
    const body: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'no target' }] },
            { type: 'link', url: ' JaVa\nScRiPt:alert(1)', children: [{ type: 'text', value: 'obfuscated' }] },
            { type: 'link', url: 'data:text/html,x', data: { target: { kind: 'unsafe' } }, children: [{ type: 'text', value: 'marked unsafe' }] },
            { type: 'link', url: 'file:///etc/passwd', children: [{ type: 'text', value: 'file link' }] },
            { type: 'link', url: '/career-ladder/nowhere', data: { target: { kind: 'unresolved' } }, children: [{ type: 'text', value: 'unresolved' }] },
            { type: 'html', value: '<script>alert("x")</script><b onclick="x()">bold html</b>' },
            { type: 'link', url: 'https://example.com/?q="a"&b=<c>', children: [{ type: 'text', value: 'odd url' }] },
          ],
        },
        { type: 'html', value: '<div>block <em>html</em> text</div>\n<img src=x onerror=alert(1)>' },
      ],
    };
    const files = await renderDocx(withBody(ladder, body));
    const docx = parts(files.get('alpha.docx') ?? new Uint8Array());
    const xml = docx['word/document.xml'] ?? '';
    const text = wordText(xml);
    for (const shown of ['no target', 'obfuscated', 'marked unsafe', 'file link', 'unresolved', 'bold html', 'block html text']) expect(text).toContain(shown);
    expect(text).not.toContain('alert');
    expect(xml).not.toContain('onclick');
    expect(docx['word/_rels/document.xml.rels']).not.toMatch(/TargetMode="External"[^>]*Target="(?!https?:|mailto:|tel:)/);
    expect(docx['word/_rels/document.xml.rels']).not.toMatch(/javascript|data:|file:/i);
    for (const xmlPart of Object.values(docx)) expect(XMLValidator.validate(xmlPart)).toBe(true);
    expect(docx['word/_rels/document.xml.rels']).toContain('Target="https://example.com/?q=&quot;a&quot;&amp;b=&lt;c&gt;"');
  });

  it('keeps footnotes that cite footnotes (even themselves) as text, and unreferenced ones as notes', async () => {
    const body: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'Claim' }, { type: 'footnoteReference', identifier: 'loop', label: 'loop' }] },
        { type: 'footnoteDefinition', identifier: 'loop', label: 'loop', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'See also' }, { type: 'footnoteReference', identifier: 'loop', label: 'loop' }] }] },
        { type: 'footnoteDefinition', identifier: 'orphan', label: 'orphan', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Never cited' }] }] },
        { type: 'paragraph', children: [{ type: 'footnoteReference', identifier: 'missing', label: 'missing' }] },
      ],
    };
    const docx = parts((await renderDocx(withBody(ladder, body))).get('alpha.docx') ?? new Uint8Array());
    expect(wordText(docx['word/footnotes.xml'] ?? '')).toContain('See also[^loop]');
    const text = wordText(docx['word/document.xml'] ?? '');
    expect(text).toContain('Notes');
    expect(text).toContain('[orphan]');
    expect(text).toContain('Never cited');
    expect(text).toContain('[^missing]');
  });

  it('links to absolute level pages when the site URL is known', async () => {
    const files = await renderDocx({ ...ladder, site: { ...ladder.site, url: 'https://ladder.example.com/eng' } });
    expect(part(files.get('alpha.docx') ?? new Uint8Array(), 'word/_rels/document.xml.rels')).toContain('Target="https://ladder.example.com/eng/beta.html"');
  });

  it('puts fonts and colours from the theme in the styles', async () => {
    const theme = { ...ladder.site.theme, fontBody: '"Source Sans 3", Arial, sans-serif', fontHeading: 'Georgia, serif', colorPrimary: '#0a7', colorText: '#111111' };
    const files = await renderDocx({ ...ladder, site: { ...ladder.site, theme } });
    const docx = parts(files.get('alpha.docx') ?? new Uint8Array());
    // The styles refer to the theme's fonts; the theme names the config's.
    expect(docx['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/);
    expect(docx['word/styles.xml']).toMatch(/w:styleId="Heading1"[\s\S]*?w:asciiTheme="majorHAnsi"[\s\S]*?<w:color w:val="00AA77"\/>/);
    expect(docx['word/theme/theme1.xml']).toMatch(/<a:majorFont><a:latin typeface="Georgia"\/>/);
    expect(docx['word/theme/theme1.xml']).toMatch(/<a:minorFont><a:latin typeface="Source Sans 3"\/>/);
    expect(docx['word/fontTable.xml']).toContain('<w:font w:name="Source Sans 3"><w:altName w:val="Arial"/><w:family w:val="swiss"/>');
    expect(docx['word/fontTable.xml']).toContain('<w:family w:val="roman"/>');
  });

  it('uses the styles of a reference document, keeping ours where it has none', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-ref-'));
    const reference = path.join(dir, 'reference.docx');
    await writeFile(reference, execFileSync('pandoc', ['--print-default-data-file', 'reference.docx']));
    const context = docxContext({ referenceDocx: reference });
    const jobs = planDocx(ladder, context);
    const withoutReference = planDocx(ladder, docxContext());
    expect(jobs[0]?.key).not.toBe(withoutReference[0]?.key);
    const docx = parts((await jobs[0]?.render()) ?? new Uint8Array());
    const styles = docx['word/styles.xml'] ?? '';
    expect(XMLValidator.validate(styles)).toBe(true);
    // Pandoc's reference has its own Heading 1 and a "Compact" style; ours come in only where it has none.
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(/<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0]).not.toContain('w:val="1F4E79"');
    expect(styles).toContain('w:styleId="LadderTable"');
    expect(styles).toContain('w:styleId="ListBullet"');
    expect(docx['word/numbering.xml']).toContain('<w:start w:val="3"/>');
    expect(context.diagnostics.all).toHaveLength(0);
  });

  it('warns about a reference document that is not a .docx and uses its own styles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-ref-'));
    const reference = path.join(dir, 'broken.docx');
    await writeFile(reference, 'not a zip');
    const context = docxContext({ referenceDocx: reference });
    const files = await renderDocx(ladder, context);
    expect(part(files.get('alpha.docx') ?? new Uint8Array(), 'word/styles.xml')).toMatch(/w:styleId="Heading1">[\s\S]*?<w:color w:val="1F4E79"\/>/);
    expect(context.diagnostics.all.map((d) => d.code)).toEqual(['reference-docx']);
  });

  it('keys each job on what its bytes depend on', () => {
    const base = planDocx(ladder, docxContext());
    const newer = planDocx(ladder, docxContext({ toolVersion: '9.9.9' }));
    const redated = planDocx({ ...ladder, site: { ...ladder.site, date: '2024-05-01T00:00:00.000Z' } }, docxContext());
    expect(base.map((job) => job.path)).toEqual(['alpha.docx', 'beta.docx', 'ladder.docx']);
    for (let i = 0; i < base.length; i++) {
      expect(base[i]?.key).not.toBe(newer[i]?.key);
      expect(base[i]?.key).not.toBe(redated[i]?.key);
    }
    expect(planDocx(ladder, docxContext()).map((job) => job.key)).toEqual(base.map((job) => job.key));
  });
});
