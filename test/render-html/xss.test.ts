import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { attr, byTag, readPage } from './parse-page.js';
import { tempDir } from './site-fixture.js';

const EVIL_LABEL = '<img src=x onerror=alert(1)>';

const EVIL_LEVEL = `---
label: "${EVIL_LABEL}"
order: 2
icon: person
---

# Evil <script>alert('title')</script> Level

An intro with a link to [a script](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==). You answer the question: **"Is this safe?"**

<script>alert('block')</script>

<img src="x" onerror="alert('img')">

<a href="javascript:alert('raw')" onclick="alert('click')">raw link</a>

<div style="background:url(javascript:alert(1))" onmouseover="alert(2)">styled text</div>

## Core Responsibilities

- Keep <iframe src="https://evil.example"></iframe> out
- An image ![x](javascript:alert(1)) with an unsafe source
`;

const PLAIN_LEVEL = `---
label: Plain
order: 1
icon: people
---

# Plain Level

A plain level. You answer the question: **"Is it plain?"**
`;

const EVIL_ARTICLE = `Central Theme
An article that mentions <script>alert('article')</script> as text about the Evil Level.
Conclusion
Nothing runs.
Source: https://blog.example.com/a-safe-article
`;

let outDir: string;
let pages: string[];

beforeAll(async () => {
  const content = await tempDir('xss-content');
  await mkdir(path.join(content, 'levels'));
  await mkdir(path.join(content, 'articles'));
  await writeFile(path.join(content, 'levels', 'evil.md'), EVIL_LEVEL);
  await writeFile(path.join(content, 'levels', 'plain.md'), PLAIN_LEVEL);
  await writeFile(path.join(content, 'articles', 'safe-article.txt'), EVIL_ARTICLE);
  outDir = await tempDir('xss-out');
  await buildSite(content, outDir, ['html']);
  pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/'));
});

describe('content never runs in the reader’s browser', () => {
  it('loads only the site’s own scripts', async () => {
    for (const file of pages) {
      const page = await readPage(outDir, file);
      for (const script of byTag(page, 'script')) expect(attr(script, 'src'), file).toMatch(/^(\/|(\.\.\/)*)assets\/(theme|site|assess)\.js$/);
      expect(byTag(page, 'iframe'), file).toEqual([]);
    }
  });

  it('keeps no event handler, inline style or javascript:/data: URL', async () => {
    for (const file of pages) {
      const page = await readPage(outDir, file);
      for (const element of page.elements) {
        const names = Object.keys(element.properties);
        expect(names.filter((name) => /^on/i.test(name)), `${file} <${element.tagName}>`).toEqual([]);
        expect(names, `${file} <${element.tagName}>`).not.toContain('style');
        for (const name of ['href', 'src', 'action']) expect(attr(element, name) ?? '', `${file} <${element.tagName} ${name}>`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
  });

  it('shows the link texts of unsafe links as plain text', async () => {
    const page = await readPage(outDir, 'evil.html');
    expect(page.text).toContain('a link to a script and data.');
    expect(byTag(page, 'a').some((a) => /script|data/.test(a.children.map((c) => (c.type === 'text' ? c.value : '')).join('')))).toBe(false);
    expect(page.text).toContain('styled text');
  });

  it('prints HTML in a front matter label and a title as inert text', async () => {
    const html = await readFile(path.join(outDir, 'plain.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(EVIL_LABEL);
    const page = await readPage(outDir, 'plain.html');
    expect(page.text).toContain(EVIL_LABEL);
    const compare = await readFile(path.join(outDir, 'compare.html'), 'utf8');
    expect(compare).not.toContain(EVIL_LABEL);
    const evil = await readPage(outDir, 'evil.html');
    expect(byTag(evil, 'h1')).toHaveLength(1);
    expect(byTag(evil, 'script').filter((script) => attr(script, 'src') === null)).toEqual([]);
  });

  it('shows script-like text in an article summary as text', async () => {
    const page = await readPage(outDir, 'articles/safe-article.html');
    expect(page.text).toContain("<script>alert('article')</script>");
    expect(byTag(page, 'script').filter((script) => attr(script, 'src') === null)).toEqual([]);
  });
});
