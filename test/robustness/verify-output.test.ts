import type { FormatName as Format } from '../../src/formats.js';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types.js';
import { verifyOutput } from '../../src/verify/verify-output.js';
import { readHtml, sharedStrings, type HtmlFacts } from '../../src/verify/read-html.js';
import { comparableText } from '../../src/verify/comparable-text.js';
import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { runCli } from '../helpers/run-cli.js';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

const ALL = new Set<Format>(['html', 'pdf', 'docx']);
let root = '';
let built = '';
let ladder: Ladder;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-verify-'));
  built = path.join(root, 'built');
  const result = await runCli(['build', path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'), '--out', built], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
  if (result.code !== 0) throw new Error(`kitchen-sink build failed: ${result.stderr}`);
  ladder = await readLadderOrThrow(path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the good output with one thing broken. */
async function tampered(name: string, damage: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(root, name);
  await cp(built, dir, { recursive: true });
  await damage(dir);
  return dir;
}

async function editDocx(file: string, edit: (xml: string) => string): Promise<void> {
  const parts = unzipSync(new Uint8Array(await readFile(file)));
  parts['word/document.xml'] = strToU8(edit(strFromU8(parts['word/document.xml'] ?? new Uint8Array())));
  await writeFile(file, zipSync(parts));
}

const checks = (problems: readonly { check: string; file: string }[]): string[] => problems.map((p) => `${p.check} ${p.file}`);

describe('verifyOutput', () => {
  it('finds nothing wrong with a sound build', async () => {
    expect(await verifyOutput(built, ladder, ALL)).toEqual([]);
  });

  it('finds nothing wrong with the example site, every format', async () => {
    const out = path.join(root, 'example');
    const result = await runCli(['build', path.join(PROJECT_ROOT, 'content'), '--out', out], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(result.code, result.stderr).toBe(0);
    expect(await verifyOutput(out, await readLadderOrThrow(path.join(PROJECT_ROOT, 'content')), ALL)).toEqual([]);
  }, 600_000);

  it('reads pages without a tree as a parse5 tree reads them: text, ids and URLs', async () => {
    const tricky = path.join(root, 'tricky.html');
    await writeFile(tricky, [
      '<!doctype html><html><head><title>T &amp; t</title><style>#x{content:"no"}</style><script>var s = "<a href=\'no.html\'>";</script></head>',
      '<body><p id="a">One <b>two</b></p><template><p id="hidden"><a href="hidden.html">no</a></p></template>',
      '<noscript><a href="ns.html">Without scripts</a></noscript><svg viewBox="0 0 1 1"><title>Map</title><a href="#a"><text>Node</text></a></svg>',
      '<textarea>a <b>c</textarea><img src="i.png" alt=""><p>caf&eacute; &lt;3</p></body></html>',
    ].join(''));
    const pages = [tricky, ...(await readdir(built, { recursive: true })).filter((file) => file.endsWith('.html')).map((file) => path.join(built, file))];
    const shared = sharedStrings();
    for (const page of pages) {
      const streamed = await readHtml(page, true, shared);
      const tree = treeFacts(await readFile(page, 'utf8'));
      expect({ page, text: comparableText(streamed.text), ids: [...streamed.ids].sort(), urls: [...streamed.urls].sort() }).toEqual({ page, text: comparableText(tree.text), ids: [...tree.ids].sort(), urls: [...tree.urls].sort() });
    }
    expect(pages.length).toBeGreaterThan(10);
  });

  it('names a broken internal link and a missing anchor', async () => {
    const dir = await tampered('links', async (out) => {
      const page = path.join(out, 'alpha.html');
      await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<a href="gone.html">x</a><a href="beta.html#no-such-id">y</a></main>'));
    });
    const problems = await verifyOutput(dir, ladder, new Set(['html']));
    expect(checks(problems)).toEqual(['internal-link alpha.html', 'internal-link alpha.html']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/gone\.html[\s\S]*no-such-id/);
  });

  it('names source text that a format lost', async () => {
    const lost = ladder.levels[0]?.headings[0]?.text ?? '';
    const dir = await tampered('fidelity', async (out) => {
      const page = path.join(out, 'alpha.html');
      await writeFile(page, (await readFile(page, 'utf8')).replaceAll(lost, ''));
    });
    const problems = await verifyOutput(dir, ladder, new Set(['html']));
    expect(checks(problems.filter((p) => p.check === 'fidelity'))).toEqual(['fidelity alpha.html']);
    expect(problems.find((p) => p.check === 'fidelity')?.message).toContain(lost);
  });

  it('checks the PDF outline, the one-page profile and unreadable PDFs', async () => {
    const dir = await tampered('pdf', async (out) => {
      await cp(path.join(out, 'alpha-profile.pdf'), path.join(out, 'alpha.pdf'));
      await cp(path.join(out, 'ladder.pdf'), path.join(out, 'beta-profile.pdf'));
      await writeFile(path.join(out, 'beta.pdf'), '%PDF-1.7\nnot really a PDF\n');
    });
    const problems = checks(await verifyOutput(dir, ladder, new Set(['pdf'])));
    expect(problems).toContain('pdf-outline alpha.pdf');
    expect(problems).toContain('fidelity alpha.pdf');
    expect(problems).toContain('pdf-profile-pages beta-profile.pdf');
    expect(problems).toContain('unreadable-file beta.pdf');
  });

  it('reads PDFs back without @napi-rs/canvas, the optional dependency of pdf.js that `npm install --omit=optional` leaves out', async () => {
    // As if the package were not installed: every require of it fails, as pdf.js's own does then.
    const blocker = path.join(root, 'no-canvas.cjs');
    await writeFile(blocker, "const Module = require('node:module');\nconst resolve = Module._resolveFilename;\nModule._resolveFilename = function (request, ...rest) {\n  if (request === '@napi-rs/canvas') throw Object.assign(new Error(\"Cannot find module '@napi-rs/canvas'\"), { code: 'MODULE_NOT_FOUND' });\n  return resolve.call(this, request, ...rest);\n};\n");
    const out = path.join(root, 'no-canvas');
    const result = await runCli(['build', path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink'), '--out', out, '--only', 'pdf', '--verify'], {
      env: { SOURCE_DATE_EPOCH: '1767225600', NODE_OPTIONS: `--require ${blocker}` },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/verify: output read back: no problems/);
    expect(result.stdout + result.stderr).not.toMatch(/Warning|internal error/);
  }, 120_000);

  it('checks DOCX heading styles, numbering, table headers and missing files', async () => {
    const dir = await tampered('docx', async (out) => {
      await editDocx(path.join(out, 'alpha.docx'), (xml) => xml.replace(/w:val="Heading\d"/g, 'w:val="Normal"').replace(/<w:tblHeader\/>/g, '').replace(/<w:numPr>[\s\S]*?<\/w:numPr>/g, ''));
      await rm(path.join(out, 'beta.docx'));
    });
    const problems = checks(await verifyOutput(dir, ladder, new Set(['docx'])));
    expect(problems).toEqual(expect.arrayContaining(['docx-headings alpha.docx', 'docx-numbering alpha.docx', 'docx-table-header alpha.docx', 'missing-file beta.docx']));
  });
});

/** The facts as a parse5 tree gives them (through hast-util-raw, as the renderer parses): what readHtml must match. */
function treeFacts(html: string): HtmlFacts {
  const text: string[] = [];
  const ids = new Set<string>();
  const urls = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'text') text.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const { id, href, src } = node.properties;
      if (typeof id === 'string') ids.add(id);
      if (typeof href === 'string') urls.add(href);
      if (typeof src === 'string') urls.add(src);
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
      text.push(' ');
    }
    for (const child of node.children) visit(child);
  };
  visit(raw({ type: 'root', children: [{ type: 'raw', value: html }] } as Root) as Root);
  return { text: text.join(''), ids, urls };
}
