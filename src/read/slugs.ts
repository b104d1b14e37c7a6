import GithubSlugger from 'github-slugger';

/** Page names ladderpress writes itself; a level or article may not take them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', '404', 'compare', 'matrix', 'search', 'ladder', 'model', 'manifest', 'sitemap', 'assets', 'articles',
]);

/** "Senior Engineer.md" → "senior-engineer"; accents folded, anything else URL-unsafe dropped. */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'page';
}

/** Anchor ids for the headings of one document, unique within it (GitHub's rules). */
export function createHeadingIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text) || slugger.slug('section');
}
