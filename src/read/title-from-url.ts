const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'via', 'with']);
const ACRONYMS = new Set(['vp', 'vpe', 'cto', 'ceo', 'cfo', 'coo', 'cio', 'ai', 'ml', 'hr', 'okr', 'okrs', 'kpi', 'kpis', 'api', 'ui', 'ux', 'qa', 'sre', 'devops', 'ic', 'em', 'pm', 'm&a']);
const QUESTION_START = /^(so )?(what|how|why|when|who|which|is|are|does|do|should|can)\b/i;

/**
 * A readable title from an article URL's last path segment:
 * `…/so-what-does-a-vp-of-engineering-do-3e5628ed532d` → "So What Does a VP of Engineering Do?".
 * Returns null when the URL has no usable slug.
 */
export function titleFromUrl(url: string): string | null {
  let segment: string;
  try {
    segment = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    segment = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const words = segment
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_](?=[0-9a-f]*\d)[0-9a-f]{6,}$/i, '')
    .split(/[-_+\s]+/)
    .filter(Boolean);
  if (words.length < 2) return null;
  const title = words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower === 'devops' ? 'DevOps' : lower.toUpperCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
  return QUESTION_START.test(title) ? `${title}?` : title;
}
