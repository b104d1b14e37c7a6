import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The user's reference inputs; the project's own tests pass without them (they are then skipped). */
export const SHARED_FIXTURES = path.resolve(PROJECT_ROOT, '../shared/fixtures');
export const hasSharedFixtures = existsSync(path.join(SHARED_FIXTURES, 'role-vp.md'));

/** A content folder holding the reference role doc and article, as a ladder of one level. */
export async function sharedFixtureContent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ladderpress-shared-'));
  await mkdir(path.join(dir, 'levels'));
  await mkdir(path.join(dir, 'articles'));
  await cp(path.join(SHARED_FIXTURES, 'role-vp.md'), path.join(dir, 'levels', 'vp.md'));
  await cp(path.join(SHARED_FIXTURES, 'article-vp-of-engineering.txt'), path.join(dir, 'articles', 'article-vp-of-engineering.txt'));
  return dir;
}
