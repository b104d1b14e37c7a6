import type { Paragraph, RootContent } from 'mdast';
import type { Overview, Site } from '../model/types.js';
import { plainText } from './inline.js';

/** The site settings as the config gives them: what it leaves out (null) is taken from the content. */
export type SiteSettings = Omit<Site, 'title' | 'description' | 'author'> & {
  readonly title: string | null;
  readonly description: string | null;
  readonly author: string | null;
};

const DEFAULT_TITLE = 'Engineering Career Ladder';
const DEFAULT_DESCRIPTION = 'How engineers grow here: what each level owns, the skills it needs and how to reach the next.';
/** A tagline longer than this is cut at the last sentence that fits. */
const TAGLINE_MAX = 200;

/**
 * The model's site: the config's title and tagline, else the overview's title and first sentences
 * (so the book cover and the site say what the content says), else defaults; the author is the
 * config's, else the site title.
 */
export function completeSite(settings: SiteSettings, overview: Pick<Overview, 'title' | 'body'> | null): Site {
  const title = settings.title ?? overview?.title ?? DEFAULT_TITLE;
  const description = settings.description ?? (overview && tagline(overview.body.children)) ?? DEFAULT_DESCRIPTION;
  return { ...settings, title, description, author: settings.author ?? title };
}

/** The overview's first paragraph, cut at a sentence end so it never stops mid-thought. */
function tagline(children: readonly RootContent[]): string | null {
  const first = children.find((node): node is Paragraph => node.type === 'paragraph');
  if (!first) return null;
  const text = plainText(first).replace(/\s+/g, ' ').trim();
  return text ? cutAtSentence(text, TAGLINE_MAX) : null;
}

/** Whole sentences up to `max` characters (at least the first sentence, ellipsised if even that is too long). */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+["'”’)]*(?:\s+|$)|[^.!?]+$/g) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).trimEnd().length > max) break;
    out += sentence;
  }
  if (out.trim()) return out.trim();
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).replace(/[\s,;:]+$/, '')}…`;
}
