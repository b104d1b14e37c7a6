import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Front matter and title: six lines, so a generated payload starts on line 7. */
const HEAD = '---\nlabel: Case\norder: 2\n---\n\n# Case Level\n';

/**
 * Cases too big or too odd to commit (megabytes, invalid bytes, symlinks), written into a case's
 * temporary copy at test time. Keyed by the `generate` field of expected.json.
 */
export const generators: Record<string, (dir: string) => Promise<void>> = {
  'alias-bomb': (dir) => write(dir, 'levels/case.md', `---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n\n# Case\n`),
  'symlink-outside': async (dir) => {
    await writeFile(path.join(dir, '..', 'secret.md'), '# Secret Outside The Content Folder\n\nPRIVATE-OUTSIDE-TEXT\n');
    await symlink(path.join(dir, '..', 'secret.md'), path.join(dir, 'levels', 'secret.md'));
  },
  // Issue 17: links out of the content folder, odd entries, and texts over the length limits.
  'image-symlink-outside': async (dir) => {
    await writeFile(path.join(dir, '..', 'secret.png'), 'PRIVATE-OUTSIDE-TEXT');
    await mkdir(path.join(dir, 'levels', 'images'), { recursive: true });
    await symlink(path.join(dir, '..', 'secret.png'), path.join(dir, 'levels', 'images', 'secret.png'));
  },
  'image-folder-outside': async (dir) => {
    await mkdir(path.join(dir, '..', 'outside-images'), { recursive: true });
    await writeFile(path.join(dir, '..', 'outside-images', 'secret.png'), 'PRIVATE-OUTSIDE-TEXT');
    await symlink(path.join(dir, '..', 'outside-images'), path.join(dir, 'levels', 'images'));
  },
  'index-symlink-outside': async (dir) => {
    await writeFile(path.join(dir, '..', 'secret.md'), '# Secret Overview\n\nPRIVATE-OUTSIDE-TEXT\n');
    await symlink(path.join(dir, '..', 'secret.md'), path.join(dir, 'index.md'));
  },
  'logo-outside': async (dir) => {
    await writeFile(path.join(dir, '..', 'secret.png'), 'PRIVATE-OUTSIDE-TEXT');
    await symlink(path.join(dir, '..', 'secret.png'), path.join(dir, 'logo.png'));
  },
  'symlink-to-outside-fifo': async (dir) => {
    execFileSync('mkfifo', [path.join(dir, '..', 'pipe')]);
    await symlink(path.join(dir, '..', 'pipe'), path.join(dir, 'levels', 'pipe.md'));
  },
  'levels-folder-outside': async (dir) => {
    await mkdir(path.join(dir, '..', 'outside-levels'), { recursive: true });
    await writeFile(path.join(dir, '..', 'outside-levels', 'secret.md'), '# Secret Level\n\nPRIVATE-OUTSIDE-TEXT\n');
    await rm(path.join(dir, 'levels'), { recursive: true });
    await symlink(path.join(dir, '..', 'outside-levels'), path.join(dir, 'levels'));
  },
  'levels-is-a-file': async (dir) => {
    await rm(path.join(dir, 'levels'), { recursive: true });
    await writeFile(path.join(dir, 'levels'), '# Not a folder\n');
  },
  'links-inside': async (dir) => {
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    await mkdir(path.join(dir, 'levels', 'images'), { recursive: true });
    await symlink('../shared/real.txt', path.join(dir, 'articles', 'linked.txt'));
    await symlink('../../shared/real.png', path.join(dir, 'levels', 'images', 'linked.png'));
  },
  'symlink-loop': (dir) => symlink('loop.md', path.join(dir, 'levels', 'loop.md')),
  'odd-entries': async (dir) => {
    await write(dir, 'levels/.draft.md', `${HEAD}\nA hidden draft.\n`);
    await mkdir(path.join(dir, 'levels', 'folder.md'));
    execFileSync('mkfifo', [path.join(dir, 'levels', 'pipe.md')]);
    await symlink(path.join(dir, 'levels', 'nowhere.md'), path.join(dir, 'levels', 'gone.md'));
  },
  'long-label': (dir) => write(dir, 'levels/case.md', `---\nlabel: ${'L'.repeat(256 * 1024)}\norder: 2\n---\n\n# Case Level\n`),
  'long-title': (dir) => write(dir, 'levels/case.md', `---\nlabel: Case\norder: 2\n---\n\n# ${'Title '.repeat(1_000)}\n`),
  'windows-1252': (dir) => write(dir, 'levels/case.md', Buffer.concat([Buffer.from(HEAD), Buffer.from([0x53, 0x6d, 0x61, 0x72, 0x74, 0x20, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x20, 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x0a])])),
  utf16: (dir) => write(dir, 'levels/case.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')])),
  'huge-file': (dir) => write(dir, 'levels/case.md', HEAD + 'All work and no play makes a very long role document.\n\n'.repeat(28_000)),
  'deep-list-one-line': (dir) => write(dir, 'levels/case.md', `${HEAD}${'- '.repeat(2_000)}x\n`),
  'deep-list-indented': (dir) => write(dir, 'levels/case.md', HEAD + Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- depth ${depth}`).join('\n')),
  'deep-quotes': (dir) => write(dir, 'levels/case.md', `${HEAD}${'> - '.repeat(1_000)}x\n`),
  'deep-brackets': (dir) => write(dir, 'levels/case.md', `${HEAD}${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`),
  'many-links': (dir) => write(dir, 'levels/case.md', `${HEAD}${'[a]('.repeat(240_000)}\n`),
  'huge-table': (dir) => write(dir, 'levels/case.md', `${HEAD}| ${'h | '.repeat(10)}\n|${'---|'.repeat(10)}\n${`| ${'cell | '.repeat(10)}\n`.repeat(600)}`),
  'long-lines': (dir) =>
    write(dir, 'levels/case.md', `${HEAD}\n${'word '.repeat(30_000)}\n\n${'x'.repeat(50_000)}\n\n[a very long link](https://example.com/${'segment/'.repeat(1_250)})\n\nhttps://example.com/${'a'.repeat(10_000)}\n`),
};

async function write(dir: string, file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), data);
}
