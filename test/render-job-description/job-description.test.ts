import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Text } from 'hast';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { markdownBlocks } from '../../src/read/parse-markdown.js';
import { isWordJob } from '../../src/render/docx/word-job.js';
import { renderSite } from '../../src/render/html/render-site.js';
import { escapeMarkdown } from '../../src/render/job-description/job-description-markdown.js';
import { planJobDescriptions } from '../../src/render/job-description/plan-job-descriptions.js';
import { readDocx } from '../../src/verify/read-docx.js';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { part } from '../render-docx/docx-helpers.js';
import { renderContext } from '../helpers/render-context.js';
import { EXAMPLE_CONTENT } from '../render-html/build-site.js';
import { byTag, parsePage, readPage } from '../render-html/parse-page.js';
import { tempDir } from '../render-html/site-fixture.js';

const JOB = { company: 'Acme <b>builds</b> things.', payRange: '€90,000–€110,000 a year', equalOpportunity: null };

describe('job description (the recruiter kit)', () => {
  let out: string;
  beforeAll(async () => {
    const dir = await tempDir('job-description');
    const configFile = path.join(dir, 'ladderpress.config.json');
    await writeFile(configFile, JSON.stringify({ content: EXAMPLE_CONTENT, jobDescription: JOB }));
    out = path.join(dir, 'out');
    const outcome = await build({ contentDir: null, outDir: out, configFile, formats: ['html', 'job-description'], strict: false, concurrency: 1 });
    expect(outcome.failure).toBeNull();
    expect(outcome.exitCode).toBe(0);
  }, 120_000);

  it('writes paste-safe Markdown per level: the usual sections, the config slots set, none left empty', async () => {
    const markdown = await readFile(path.join(out, 'vp-job-description.md'), 'utf8');
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# VP of Engineering', '## About us', '## About the role', '## What you will do', '## What you bring', '## Scope', '## Pay']);
    expect(markdown).toContain('- Write the engineering strategy for the next two to three years and keep it current');
    expect(markdown).toContain('€90,000–€110,000 a year');
    // No HTML and no tables: the company's "<b>" is text, escaped.
    expect(markdown).not.toMatch(/(?<!\\)<[a-z]/i);
    expect(markdown).toContain('Acme \\<b\\>builds\\</b\\> things.');
    expect(markdown.split('\n').filter((line) => line.startsWith('|'))).toEqual([]);
    expect(markdown).not.toContain('Equal opportunity');
  });

  it('writes the same posting as a Word document with real headings and list numbering', async () => {
    const docx = await readDocx(path.join(out, 'vp-job-description.docx'));
    expect(docx.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text.trim())).toEqual(['About us', 'About the role', 'What you will do', 'What you bring', 'Scope', 'Pay']);
    expect(docx.text).toContain('Acme <b>builds</b> things.');
    expect(docx.paragraphs.some((p) => p.numbered && p.text.startsWith('Write the engineering strategy'))).toBe(true);
  });

  it('lays out the emphasis and links a user adds to the template as Word runs and hyperlinks, not marks', async () => {
    const templates = await tempDir('job-description-template');
    await mkdir(path.join(templates, 'job-description'));
    await writeFile(
      path.join(templates, 'job-description', 'job-description.liquid'),
      '# {{ title }}\n\n## About the role\n\nWe **build things** with *care*, see [our blog](https://example.com).\n\n{{ about }}\n',
    );
    const ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
    const jobs = await planJobDescriptions(ladder, renderContext(['job-description'], { templatesDir: templates }));
    const job = jobs.find((candidate) => candidate.path === 'vp-job-description.docx');
    if (!job || !isWordJob(job)) throw new Error('no vp-job-description.docx job');
    const docx = await job.render();
    const xml = part(docx, 'word/document.xml');
    const runs = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map(([run]) => run);
    const runWith = (text: string): string => runs.find((run) => run.includes(`>${text}</w:t>`)) ?? '';
    expect(runWith('build things')).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    expect(runWith('care')).toMatch(/<w:i\/>|<w:i w:val="(true|1)"\/>/);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>(?:(?!<\/w:hyperlink>).)*our blog/s);
    expect(part(docx, 'word/_rels/document.xml.rels')).toContain('Target="https://example.com"');
    expect(xml).not.toMatch(/\*\*|\*care|\]\(/);
    // The title is the "#" heading, in the Title style as in a level's own document.
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>(?:(?!<\/w:p>).)*VP of Engineering/s);
  });

  it('escapes values so the Markdown reader reads them back as the same text', () => {
    for (const value of ['1. First', '2) Second', '- dash', '# hash', 'R&amp;D &#169;', '~gone~', '*x* _y_ `z`', 'a\\b [c](d) <e>', 'a | b']) {
      expect(toString(markdownBlocks(escapeMarkdown(value)))).toBe(value);
    }
  });

  it('offers both files on the level page and lists them in manifest.json', async () => {
    const page = await readPage(out, 'vp.html');
    const links = byTag(page, 'a').filter((a) => String(a.properties['href']).includes('job-description'));
    expect(links.map((a) => [a.properties['href'], a.properties['download']])).toEqual([
      ['vp-job-description.docx', 'Engineering Career Ladder – VP job description.docx'],
      ['vp-job-description.md', 'Engineering Career Ladder – VP job description.md'],
    ]);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { levels: { slug: string; files: { path: string; kind: string }[] }[] };
    const vp = manifest.levels.find((level) => level.slug === 'vp');
    expect(vp?.files.map((file) => file.kind)).toEqual(['html', 'job-description-docx', 'job-description-md']);
  });

  it('puts a schema.org Occupation on each level page as valid JSON-LD', async () => {
    const [data] = jsonLd(await readPage(out, 'vp.html'));
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Occupation', name: 'VP of Engineering' });
    expect((data as { responsibilities: string[] }).responsibilities).toContain('Hire, develop and hold accountable a team of directors');
  });

  it('escapes the JSON-LD so "</script>" in the content cannot end the script', async () => {
    const ladder = await readLadderOrThrow(EXAMPLE_CONTENT);
    const [first, ...rest] = ladder.levels;
    if (!first) throw new Error('no levels');
    const hostile = { ...first, facets: { ...first.facets, intro: 'Leads </script><script>alert(1)</script> & more' } };
    let html = '';
    await renderSite({ ...ladder, levels: [hostile, ...rest] }, renderContext(['html', 'job-description']), async (file) => {
      if (file.path === `${first.slug}.html`) html = String(file.data);
    });
    const page = parsePage(html);
    expect(byTag(page, 'script').filter((script) => String(script.children.map((c) => (c as Text).value).join('')).includes('alert'))).toHaveLength(1);
    expect(jsonLd(page)[0]).toMatchObject({ description: 'Leads </script><script>alert(1)</script> & more' });
  });
});

function jsonLd(page: ReturnType<typeof parsePage>): unknown[] {
  return byTag(page, 'script')
    .filter((script: Element) => script.properties['type'] === 'application/ld+json')
    .map((script) => JSON.parse(script.children.map((child) => (child as Text).value).join('')) as unknown);
}
