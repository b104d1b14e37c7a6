import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared-fixtures.js';

/**
 * A brace lost in a merge puts every later rule inside a media query (the track map drew black
 * boxes on a desktop): each block of the site's stylesheet closes, and none closes early.
 */
describe('site.css', () => {
  it('closes every block it opens, in order', async () => {
    const css = await readFile(path.join(PROJECT_ROOT, 'templates/assets/site.css'), 'utf8');
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
    let depth = 0;
    const early: number[] = [];
    code.split('\n').forEach((line, index) => {
      for (const char of line) {
        if (char === '{') depth += 1;
        else if (char === '}') depth -= 1;
        if (depth < 0) early.push(index + 1);
      }
    });
    expect(early).toEqual([]);
    expect(depth).toBe(0);
  });

  it('styles the track map at the top level, not only on phones', async () => {
    const css = await readFile(path.join(PROJECT_ROOT, 'templates/assets/site.css'), 'utf8');
    const before = css.slice(0, css.indexOf('.track-map-level rect'));
    const code = before.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code.split('{').length - code.split('}').length).toBe(0);
  });
});
