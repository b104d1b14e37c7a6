import type { Diagnostics } from '../diagnostics.js';
import type { Article, Level } from '../model/types.js';

/**
 * What two files can say twice without either being wrong on its own: the same level (title, label
 * and order all equal: the navigation would show two identical entries), the same `order` (the
 * ladder's sequence then falls back to titles), and the same article Source URL (one article
 * summarised twice). `shown` turns a content path into the path printed.
 */
export function reportDuplicateEntries(levels: readonly Level[], articles: readonly Article[], shown: (file: string) => string, diagnostics: Diagnostics): void {
  const sameLevel = new Map<string, Level>();
  const sameOrder = new Map<number, Level>();
  for (const level of levels) {
    const key = JSON.stringify([level.title, level.label, level.order]);
    const twin = sameLevel.get(key);
    if (twin) {
      diagnostics.report('duplicate-level', shown(level.file), null, `This level has the same title "${level.title}", label and order as ${shown(twin.file)}: the navigation would show two identical entries`);
      continue;
    }
    sameLevel.set(key, level);
    if (level.order === null) continue;
    const first = sameOrder.get(level.order);
    if (first) diagnostics.report('same-order', shown(level.file), null, `Order ${level.order} is also the order of ${shown(first.file)}; the two are sorted by title`);
    else sameOrder.set(level.order, level);
  }
  const bySource = new Map<string, Article>();
  for (const article of articles) {
    if (!article.source) continue;
    const url = article.source.url.trim().replace(/\/+$/, '');
    const first = bySource.get(url);
    if (first) diagnostics.report('duplicate-source', shown(article.file), { line: article.source.line, column: 1 }, `Source ${article.source.url} is also the source of ${shown(first.file)}`);
    else bySource.set(url, article);
  }
}
