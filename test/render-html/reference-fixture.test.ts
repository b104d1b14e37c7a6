import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { readLadderOrThrow } from '../helpers/read-content.js';
import { hasSharedFixtures, PROJECT_ROOT, sharedFixtureContent } from '../helpers/shared-fixtures.js';
import { buildSite } from './build-site.js';
import { attr, byTag, collapse, readPage } from './parse-page.js';
import { tempDir } from './site-fixture.js';

function leafTexts(node: Nodes): string[] {
  const own = node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' ? [collapse(node.value)].filter(Boolean) : [];
  return 'children' in node ? [...own, ...node.children.flatMap((child) => leafTexts(child))] : own;
}

async function validate(dir: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems: string[] = [];
  for (const file of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(await readFile(path.join(dir, file), 'utf8'), file);
    for (const result of report.results) for (const message of result.messages) problems.push(`${file}:${message.line} ${message.ruleId} ${message.message}`);
  }
  return problems;
}

describe('the kitchen-sink fixture (every GFM node type)', () => {
  it('builds valid pages that show every text', async () => {
    const content = path.join(PROJECT_ROOT, 'test/fixtures/kitchen-sink');
    const out = await tempDir('kitchen-site');
    await buildSite(content, out, ['html']);
    expect(await validate(out)).toEqual([]);
    const ladder = await readLadderOrThrow(content);
    for (const level of ladder.levels) {
      const { text } = await readPage(out, `${level.slug}.html`);
      expect(leafTexts(level.body).filter((piece) => !text.includes(piece)), level.slug).toEqual([]);
    }
    const alpha = await readPage(out, 'alpha.html');
    expect(byTag(alpha, 'a').find((a) => attr(a, 'href') === 'beta.html')).toBeDefined();
    // The overview's link to a level that does not exist is shown as text, not a broken link.
    const home = await readPage(out, 'index.html');
    expect(home.text).toContain('The Gamma level does not exist yet');
    expect(byTag(home, 'a').some((a) => attr(a, 'href')?.includes('missing'))).toBe(false);
  });
});

describe.skipIf(!hasSharedFixtures)('the user’s reference role document and article', () => {
  it('renders every text of role-vp.md and the article, on valid pages', async () => {
    const content = await sharedFixtureContent();
    const out = await tempDir('reference-site');
    await buildSite(content, out, ['html']);
    expect(await validate(out)).toEqual([]);
    const ladder = await readLadderOrThrow(content);
    const pages = [
      ...ladder.levels.map((level) => ({ page: `${level.slug}.html`, body: level.body })),
      ...ladder.articles.map((article) => ({ page: `articles/${article.slug}.html`, body: article.body })),
    ];
    expect(pages.length).toBe(2);
    for (const { page, body } of pages) {
      const { text } = await readPage(out, page);
      expect(leafTexts(body).filter((piece) => !text.includes(piece)), page).toEqual([]);
    }
    const article = await readPage(out, `articles/${ladder.articles[0]?.slug}.html`);
    expect(article.text).not.toContain('Leave a Reply');
    expect(byTag(article, 'a').some((a) => attr(a, 'href') === '../vp.html')).toBe(true);
  });
});
