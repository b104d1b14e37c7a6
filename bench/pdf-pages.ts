import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Pages of every PDF under `dir` (poppler's pdfinfo), or null when there is none or pdfinfo is
 * missing. PDF work is compared per printed page: ladderpress's handouts, one-page profiles and
 * whole-ladder book differ in length from what the peers print.
 */
export async function countPages(dir: string): Promise<number | null> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.pdf')).map((entry) => path.join(entry.parentPath, entry.name));
  if (files.length === 0) return null;
  let total = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      const { stdout } = await run('pdfinfo', [file]);
      total += Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
    }
  };
  try {
    await Promise.all([lane(), lane()]);
  } catch {
    return null;
  }
  return total;
}
