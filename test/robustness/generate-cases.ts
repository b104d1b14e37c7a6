import { mkdir, symlink, writeFile } from 'node:fs/promises';
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
