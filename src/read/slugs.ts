import GithubSlugger from 'github-slugger';

/** Page names ladderpress writes itself; a level or article may not take them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index', '404', 'compare', 'matrix', 'search', 'ladder', 'model', 'manifest', 'sitemap', 'assets', 'articles',
]);

/**
 * "Senior Engineer.md" → "senior-engineer", "Café.md" → "cafe", "工程师.md" → "工程师": Latin accents
 * folded, letters of every script kept (so names in other scripts do not collide), the rest dropped.
 */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'page';
}

/** Anchor ids for the headings of one document, unique within it (GitHub's rules). */
export function createHeadingIds(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text) || slugger.slug('section');
}
