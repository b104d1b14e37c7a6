import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';

describe('dev server', () => {
  it('serves the site under the base path, the live-reload script, and replays the last event to new pages', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-devserver-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
    const server = await startDevServer(root, { host: '127.0.0.1', port: 0, base: '/careers/ladder/' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/careers\/ladder\/$/);
      const origin = new URL(server.url).origin;
      const redirect = await fetch(`${origin}/`, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe('/careers/ladder/');
      expect(await (await fetch(`${server.url}index.html`)).text()).toContain('<title>home</title>');
      const script = await fetch(`${origin}/__ladderpress/live-reload.js`);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      expect(await script.text()).toContain("new EventSource('/__ladderpress/events')");
      // A page that does not exist yet still carries the script, so it shows errors and reloads.
      const missing = await fetch(`${server.url}nope.html`);
      expect(missing.status).toBe(503);
      expect(await missing.text()).toContain('<script src="/__ladderpress/live-reload.js"></script>');

      server.broadcast({ type: 'problems', problems: ['content/levels/vp.md:1:1  error  Broken  yaml-syntax'] });
      const controller = new AbortController();
      const events = await fetch(`${origin}/__ladderpress/events`, { signal: controller.signal });
      expect(events.headers.get('content-type')).toBe('text/event-stream');
      const reader = events.body!.getReader();
      let text = '';
      while (!text.includes('\n\nevent: problems')) text += new TextDecoder().decode((await reader.read()).value);
      while (!text.endsWith('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain('data: {"problems":["content/levels/vp.md:1:1  error  Broken  yaml-syntax"]}');
      controller.abort();
    } finally {
      await server.close();
    }
  });
});
