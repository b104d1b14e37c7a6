import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { siteFromConfig } from '../../src/config/site-from-config.js';
import { completeSite } from '../../src/read/complete-site.js';
import { contentDate, contentDates } from '../../src/read/content-date.js';

const temp = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'ladderpress-date-'));

describe('the documents’ date', () => {
  it('is the newest content file’s day outside git', async () => {
    const dir = await temp();
    await mkdir(path.join(dir, 'levels'));
    await writeFile(path.join(dir, 'levels', 'a.md'), '# A\n');
    await writeFile(path.join(dir, 'index.md'), '# Home\n');
    await utimes(path.join(dir, 'levels', 'a.md'), new Date('2024-05-06T15:00:00Z'), new Date('2024-05-06T15:00:00Z'));
    await utimes(path.join(dir, 'index.md'), new Date('2023-01-01T00:00:00Z'), new Date('2023-01-01T00:00:00Z'));
    expect(await contentDate(dir)).toBe('2024-05-06T00:00:00.000Z');
  });

  it('is the last commit’s day in git, whatever the files’ times', async () => {
    const dir = await temp();
    await writeFile(path.join(dir, 'index.md'), '# Home\n');
    const env = { ...process.env, GIT_AUTHOR_DATE: '2025-02-03T10:00:00Z', GIT_COMMITTER_DATE: '2025-02-03T10:00:00Z' };
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, env, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'content');
    expect(await contentDate(dir)).toBe('2025-02-03T00:00:00.000Z');
  });

  it('is, per file, its own last commit’s day, else its modification day, from one git log', async () => {
    const dir = await temp();
    await mkdir(path.join(dir, 'levels'));
    const git = (date: string, ...args: string[]): void =>
      void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    git('2025-02-03T10:00:00Z', 'init', '-q');
    await writeFile(path.join(dir, 'levels', 'a.md'), '# A\n');
    await writeFile(path.join(dir, 'levels', 'ü b.md'), '# B\n');
    git('2025-02-03T10:00:00Z', 'add', '.');
    git('2025-02-03T10:00:00Z', 'commit', '-q', '-m', 'one');
    await writeFile(path.join(dir, 'levels', 'ü b.md'), '# B, later\n');
    git('2025-03-04T23:59:00Z', 'commit', '-q', '-am', 'two');
    await writeFile(path.join(dir, 'levels', 'c.md'), '# C, not committed\n');
    await utimes(path.join(dir, 'levels', 'c.md'), new Date('2024-01-01T12:00:00Z'), new Date('2024-01-01T12:00:00Z'));
    const dates = await contentDates(dir, ['levels/c.md', 'levels/ü b.md', 'levels/a.md', 'levels/gone.md']);
    expect(dates.files).toEqual({ 'levels/a.md': '2025-02-03T00:00:00.000Z', 'levels/c.md': '2024-01-01T00:00:00.000Z', 'levels/ü b.md': '2025-03-04T00:00:00.000Z' });
    expect(dates.newest).toBe('2025-03-04T00:00:00.000Z');
  });

  it('prefers the config’s date, then SOURCE_DATE_EPOCH, then the content’s', () => {
    const config = configSchema.parse({ date: '2026-07-01' });
    expect(siteFromConfig(config, { SOURCE_DATE_EPOCH: '0' }, '2025-01-01T00:00:00.000Z').date).toBe('2026-07-01T00:00:00.000Z');
    expect(siteFromConfig(configSchema.parse({}), { SOURCE_DATE_EPOCH: '86400' }, '2025-01-01T00:00:00.000Z').date).toBe('1970-01-02T00:00:00.000Z');
    expect(siteFromConfig(configSchema.parse({}), {}, '2025-01-01T00:00:00.000Z').date).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('the site title, tagline and author', () => {
  const overview = {
    title: 'Engineering Leadership Career Path',
    body: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'How we grow leaders. Each level says what it owns. '.repeat(6) }] }] },
  };

  it('come from the overview when the config leaves them out', () => {
    const site = completeSite(siteFromConfig(configSchema.parse({}), {}), overview);
    expect(site.title).toBe('Engineering Leadership Career Path');
    expect(site.description.startsWith('How we grow leaders.')).toBe(true);
    expect(site.description).toMatch(/\.$/);
    expect(site.description.length).toBeLessThanOrEqual(200);
    expect(site.author).toBe('Engineering Leadership Career Path');
  });

  it('are the config’s when it sets them', () => {
    const site = completeSite(siteFromConfig(configSchema.parse({ site: { title: 'Ladder', description: 'Ours.', author: 'People Team' } }), {}), overview);
    expect([site.title, site.description, site.author]).toEqual(['Ladder', 'Ours.', 'People Team']);
  });
});
