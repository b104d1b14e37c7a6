import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadderOrThrow } from '../helpers/read-content.js';
import type { Element } from 'hast';
import { byTag, hasClass, parsePage } from './parse-page.js';
import { renderFiles, tempDir } from './site-fixture.js';

const LEVEL = `---
order: 1
label: Lead
---

# Lead Engineer

You answer the question: **"What's next?"** Don't panic: 'it works' (mostly).

## Scope

- Spend 70-90% of the week on "deep" work, with 5–9 people
- Run \`grep "x" 'y'\` as written

\`\`\`sh
echo "code stays" 'as is'
\`\`\`
`;

async function levelHtml(): Promise<string> {
  const content = await tempDir('typography');
  await mkdir(path.join(content, 'levels'), { recursive: true });
  await writeFile(path.join(content, 'levels', 'lead.md'), LEVEL);
  const files = await renderFiles(await readLadderOrThrow(content));
  return files.get('lead.html') ?? '';
}

async function levelPage(): Promise<ReturnType<typeof parsePage>> {
  return parsePage(await levelHtml());
}

describe('typography on the site', () => {
  it('sets quotes and apostrophes as a typesetter would, and leaves code alone', async () => {
    const html = await levelHtml();
    const page = parsePage(html);
    expect(html).toContain('\u201cWhat\u2019s next?\u201d');
    expect(html).toContain('Don\u2019t panic: \u2018it works\u2019 (mostly).');
    expect(html).toContain('on \u201cdeep\u201d work');
    const code = byTag(page, 'code').map((element) => textOf(element));
    expect(code).toContain(`grep "x" 'y'`);
    expect(code.some((text) => text.includes(`echo "code stays" 'as is'`))).toBe(true);
  });

  it('keeps number ranges on one line', async () => {
    const page = await levelPage();
    const kept = page.elements.filter((element) => hasClass(element, 'nowrap')).map((element) => textOf(element));
    expect(kept).toEqual(expect.arrayContaining(['70-90%', '5–9']));
  });
});

function textOf(node: Element | Element['children'][number]): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
