import type { Document } from 'docx';
import type { Diagnostics } from '../../diagnostics.js';
import type { Ladder, Level } from '../../model/types.js';
import { docxDocument, textWidth } from './docx-document.js';
import { DocxState } from './docx-state.js';
import { docKey, documentBlocks, registerBookmarks } from './document-blocks.js';
import { internalLink, siteLink } from './site-links.js';

/** A level's own document: Title, "label — core question", the body. */
export function levelDocx(ladder: Ladder, level: Level, diagnostics: Diagnostics, reported: Set<string>): Document {
  const state = new DocxState(
    (target, bookmarks) => (target.kind === 'level' && target.slug === level.slug ? internalLink(bookmarks.find(docKey(level), target.fragment)) : null) ?? siteLink(ladder.site, target),
    diagnostics,
    reported,
  );
  registerBookmarks(state, level, '');
  const children = documentBlocks(level, state, { as: 'title', textWidth: textWidth(ladder.site) });
  return docxDocument(ladder.site, { title: level.title, description: level.facets.intro || ladder.site.description, sections: [children], state });
}
