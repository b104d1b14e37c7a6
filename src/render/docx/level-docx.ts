import type { Document } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import type { Site } from '../../model/types.js';
import { docxDocument, textWidth } from './docx-document.js';
import type { DocxImage } from './docx-images.js';
import { DocxState } from './docx-state.js';
import { docxTheme } from './docx-theme.js';
import { timeChartDocx } from './time-chart-docx.js';
import { TWIPS_PER_PIXEL } from './image-run.js';
import type { DocxLevel } from './docx-parts.js';
import { docKey, documentBlocks, registerBookmarks } from './document-blocks.js';
import { filledScopeMdast, ladderSectionsMdast } from './ladder-mdast.js';
import { internalLink, siteLink } from './site-links.js';

/** A level's own document: Title, "label — core question", scope from the overview, the body, what the overview fills, what changes. */
export function levelDocx(site: Site, level: DocxLevel, diagnostics: Diagnostics, reported: Set<string>, images: ReadonlyMap<string, DocxImage> = new Map()): Document {
  const state = new DocxState(
    (target, bookmarks) => (target.kind === 'level' && target.slug === level.slug ? internalLink(bookmarks.find(docKey(level), target.fragment)) : null) ?? siteLink(site, target),
    diagnostics,
    reported,
    { images, maxWidth: textWidth(site) / TWIPS_PER_PIXEL },
  );
  registerBookmarks(state, level, '');
  const children = documentBlocks(level, state, { as: 'title', textWidth: textWidth(site), lead: filledScopeMdast(level), after: ladderSectionsMdast(level) });
  const primary = docxTheme(site.theme).primary;
  for (const chart of level.timeCharts ?? []) children.push(...timeChartDocx(chart, textWidth(site), primary));
  return docxDocument(site, { title: level.title, description: level.facets.intro || site.description, sections: [children], state, running: level.title });
}
