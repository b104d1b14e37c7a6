import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Nodes } from 'mdast';
import type { Diagnostics } from '../../diagnostics.js';
import type { DocumentBase, Ladder, Point } from '../../model/types.js';

/** Scripts the default fonts may lack, and the Debian package that covers each. */
const SCRIPTS = [
  { name: 'CJK', pattern: /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u, install: 'fonts-noto-cjk' },
  { name: 'Arabic', pattern: /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u, install: 'fonts-noto-core' },
  { name: 'Hebrew', pattern: /[\u0590-\u05ff]/u, install: 'fonts-noto-core' },
  { name: 'emoji', pattern: /\p{Emoji_Presentation}/u, install: 'fonts-noto-color-emoji' },
] as const;

interface Found {
  readonly char: string;
  readonly file: string;
  readonly at: Point | null;
}

const run = promisify(execFile);

/**
 * Warns when the content uses a script no installed font covers, instead of letting Chromium print
 * empty boxes. Asks fontconfig once per script, and only for scripts the content actually uses.
 */
export async function checkFonts(ladder: Ladder, diagnostics: Diagnostics): Promise<void> {
  const documents: DocumentBase[] = [...ladder.levels, ...ladder.articles, ...(ladder.overview ? [ladder.overview] : [])];
  for (const script of SCRIPTS) {
    const found = findFirst(documents, script.pattern);
    if (!found) continue;
    const covered = await fontCovers(found.char);
    if (covered !== false) continue;
    diagnostics.report(
      'missing-font',
      found.file,
      found.at,
      `No installed font has "${found.char}" (${script.name} text): the PDFs would show empty boxes`,
      `Install a font for it, e.g. "apt-get install ${script.install}" (Debian/Ubuntu), then rebuild.`,
    );
  }
}

function findFirst(documents: readonly DocumentBase[], pattern: RegExp): Found | null {
  for (const doc of documents) {
    const inTitle = pattern.exec(doc.title)?.[0];
    if (inTitle) return { char: inTitle, file: doc.file, at: null };
    const hit = findInTree(doc.body, pattern);
    if (hit) return { char: hit.char, file: doc.file, at: hit.at };
  }
  return null;
}

function findInTree(node: Nodes, pattern: RegExp): { char: string; at: Point | null } | null {
  if ('value' in node && typeof node.value === 'string') {
    const char = pattern.exec(node.value)?.[0];
    if (char) return { char, at: node.position ? { line: node.position.start.line, column: node.position.start.column } : null };
  }
  if ('children' in node) {
    for (const child of node.children) {
      const hit = findInTree(child, pattern);
      if (hit) return hit;
    }
  }
  return null;
}

/** true/false from fontconfig; null when fontconfig is not there to ask (then we cannot tell). */
async function fontCovers(char: string): Promise<boolean | null> {
  const codePoint = char.codePointAt(0)?.toString(16) ?? '';
  try {
    const { stdout } = await run('fc-list', [`:charset=${codePoint}`, 'family'], { timeout: 10_000 });
    return stdout.trim().length > 0;
  } catch {
    return null;
  }
}
