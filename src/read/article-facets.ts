import type { Root, RootContent } from 'mdast';
import type { ArticleFacets, Inline, NamedPoint } from '../model/types.js';
import { inlineOfBlock, plainText, stripLeadingText, toInline } from './inline.js';
import { ARTICLE_SECTIONS } from './article-text.js';

type ArticleSection = keyof typeof ARTICLE_SECTIONS;

/** The facets of an article body read by readArticleText: sections found by their labels. */
export function readArticleFacets(body: Root): ArticleFacets {
  const sections = new Map<ArticleSection, RootContent[]>();
  let current: RootContent[] | null = null;
  for (const block of body.children) {
    if (block.type === 'heading') {
      const kind = (Object.keys(ARTICLE_SECTIONS) as ArticleSection[]).find((key) => ARTICLE_SECTIONS[key].test(plainText(block).replace(/:$/, '')));
      current = kind && !sections.has(kind) ? [] : null;
      if (kind && current) sections.set(kind, current);
    } else if (!(block.type === 'paragraph' && block.children.some((child) => child.type === 'link' && /^source/i.test(plainText(block))))) {
      current?.push(block);
    }
  }
  const paragraphs = (kind: ArticleSection): Inline[] =>
    (sections.get(kind) ?? []).filter((block) => block.type === 'paragraph').map((block) => inlineOfBlock(block));
  const points = (kind: ArticleSection): NamedPoint[] =>
    (sections.get(kind) ?? []).flatMap((block) => (block.type === 'list' ? block.children.map((item) => namedPoint(inlineOfBlock(item))) : []));
  const question = [...paragraphs('mentoring'), ...points('mentoring').map((point) => point.text)];
  return {
    theme: paragraphs('theme'),
    pillars: points('pillars'),
    findings: points('findings'),
    conclusion: paragraphs('conclusion'),
    mentoringQuestion: question.length > 0 ? joinInline(question) : null,
  };
}

function namedPoint(item: Inline): NamedPoint {
  const [first, ...rest] = item.children;
  if (first?.type !== 'strong') return { name: '', text: item };
  return { name: plainText(first), text: toInline(stripLeadingText(rest, /^:\s*/) ?? rest) };
}

function joinInline(parts: readonly Inline[]): Inline {
  return toInline(parts.flatMap((part, index) => (index === 0 ? [...part.children] : [{ type: 'text' as const, value: ' ' }, ...part.children])));
}
