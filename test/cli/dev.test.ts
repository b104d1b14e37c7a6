import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { launchTestBrowser } from '../helpers/test-browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempProject } from '../build/build-fixtures.js';


describe('ladderpress dev', () => {
  let project = '';
  let child: ChildProcess | null = null;
  let browser: Browser | null = null;
  let url = '';
  let log = '';
  const pageLog: string[] = [];

  beforeAll(async () => {
    project = await tempProject('ladderpress-dev-');
    child = spawn(process.execPath, [BIN, 'dev', '--port', '0'], { cwd: project, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      child?.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const match = /ladderpress dev: (http:\/\/\S+)/.exec(log);
        if (match?.[1]) resolve(match[1]);
      });
      child?.on('exit', (code) => reject(new Error(`dev exited with ${code}: ${log}`)));
    });
    browser = await launchTestBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  /** Waits, and on a timeout says what the dev server printed. */
  const step = async <T>(what: string, wait: Promise<T>): Promise<T> => {
    try {
      return await wait;
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}\n--- ladderpress dev printed:\n${log}\n--- the page:\n${pageLog.join('\n')}`);
    }
  };

  it('reloads on an edit, shows content errors in an overlay, and recovers when they are fixed', async () => {
    const page = await browser!.newPage();
    page.on('console', (message) => pageLog.push(`console: ${message.text()}`));
    page.on('framenavigated', (frame) => pageLog.push(`navigated: ${frame.url()}`));
    page.on('pageerror', (error) => pageLog.push(`error: ${(error as Error).message}`));
    const file = path.join(project, 'content', 'levels', 'manager.md');
    const original = await readFile(file, 'utf8');
    // The first build may still be running: the placeholder page reloads itself when it is done.
    await page.goto(`${url}manager.html`);
    await step('first page', page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Manager'), { timeout: 90_000 }));
    expect(await page.$eval('script[src^="/__ladderpress/live-reload.js"]', (s) => s.getAttribute('src'))).toMatch(/^\/__ladderpress\/live-reload\.js\?build=\d+$/);

    const marker = 'Freshly edited sentence for the live reload test';
    await writeFile(file, original.replace(/^(# .*)$/m, `$1\n\n${marker}.`));
    await step('reload with the edit', page.waitForFunction((text) => document.body?.innerText.includes(text) === true, { timeout: 60_000 }, marker));

    await writeFile(file, original.replace(/^---\n/, '---\norder: [broken\n'));
    await step('overlay', page.waitForSelector('#ladderpress-error-overlay', { visible: true, timeout: 60_000 }));
    // On a busy machine the watcher can catch the file between its truncation and its write ("File is
    // empty"); the next change event rebuilds and the overlay then shows the real error.
    await step(
      'overlay with the error',
      page.waitForFunction(() => /yaml-syntax|invalid-front-matter/.test((document.querySelector('#ladderpress-error-overlay') as HTMLElement | null)?.innerText ?? ''), { timeout: 60_000 }),
    );
    const overlay = await page.$eval('#ladderpress-error-overlay', (el) => (el as HTMLElement).innerText);
    expect(overlay).toContain('content/levels/manager.md');
    expect(overlay).toMatch(/error {2}.*yaml-syntax|error {2}.*invalid-front-matter/);
    await page.screenshot({ path: path.join(project, 'overlay.png') });

    await writeFile(file, original);
    await step(
      'recovery',
      page.waitForFunction(() => !document.querySelector('#ladderpress-error-overlay') && document.querySelector('h1')?.textContent?.includes('Manager'), { timeout: 60_000 }),
    );
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(marker);
    // The terminal got the same errors.
    expect(log).toMatch(/content\/levels\/manager\.md:\d+:\d+ {2}error {2}/);
  });
});
