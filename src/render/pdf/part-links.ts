import type { Page } from 'puppeteer';

/**
 * Where a part's link to an anchor in another part points when printed: Chromium drops a link to an
 * anchor its document lacks, but keeps a URL, which the join (join-pdfs.ts) turns back into a link
 * inside the book.
 */
export const PART_LINK_PREFIX = 'https://ladderpress.invalid/book#';

/**
 * Prepares a part of a book, loaded in `page`, for the join: links to anchors it lacks become
 * PART_LINK_PREFIX URLs, and every element with an id gets a hidden link, because Chromium writes a
 * named destination only for an anchor its own document links to and another part may link to any.
 */
export async function keepLinksOutside(page: Page): Promise<void> {
  await page.evaluate((prefix: string) => {
    const targets = document.createElement('div');
    targets.hidden = true;
    for (const element of document.querySelectorAll('[id]')) {
      const link = document.createElement('a');
      link.href = `#${encodeURIComponent(element.id)}`;
      targets.append(link);
    }
    // HTML and SVG links (the track map) alike.
    for (const link of document.querySelectorAll('a[href^="#"]')) {
      const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
      if (id && document.getElementById(id) === null) link.setAttribute('href', prefix + encodeURIComponent(id));
    }
    document.body.append(targets);
  }, PART_LINK_PREFIX);
}
