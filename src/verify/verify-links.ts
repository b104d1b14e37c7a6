import path from 'node:path';
import type { HtmlFacts } from './read-html.js';
import type { VerifyProblem } from './verify-problem.js';
import { safeDecode } from '../safe-decode.js';

/**
 * Every relative href and src of every page points at a file of the output, and every fragment at
 * an id of its page. Links to other sites are not fetched: a build must not depend on the network.
 */
export function verifyInternalLinks(pages: ReadonlyMap<string, HtmlFacts>, files: ReadonlySet<string>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const [page, facts] of pages) {
    for (const url of facts.urls) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue;
      const resolved = new URL(url, `https://out.invalid/${page}`);
      let target = safeDecode(resolved.pathname.slice(1));
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!files.has(target)) {
        problems.push({ check: 'internal-link', file: page, message: `"${url}" points at ${target}, which was not built` });
        continue;
      }
      const fragment = safeDecode(resolved.hash.slice(1));
      const ids = pages.get(target)?.ids;
      if (fragment !== '' && ids && !ids.has(fragment)) {
        problems.push({ check: 'internal-link', file: page, message: `"${url}": ${path.posix.basename(target)} has no element with id "${fragment}"` });
      }
    }
  }
  return problems;
}
