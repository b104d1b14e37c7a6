import type { Page } from 'puppeteer';

/**
 * Runs in the page. Kept as source text rather than a function: TypeScript loaders (tsx, esbuild)
 * rewrite functions with helpers such as `__name` that do not exist inside the browser.
 */
const FIT_SCRIPT = `(() => {
  const sheet = document.querySelector('[data-sheet]');
  if (!sheet) return { dropped: 0, fits: true };
  const overflows = () => sheet.scrollHeight > sheet.clientHeight + 0.5;
  // Every list shown in part says so: "+ N more", linked to the level's page when there is one.
  const url = sheet.dataset.moreUrl || '';
  const syncMore = () => {
    for (const list of sheet.querySelectorAll('[data-total]')) {
      const children = [...list.children];
      const more = children.find((child) => child.hasAttribute('data-more'));
      if (!more) continue;
      const shown = children.filter((child) => child.hasAttribute('data-item')).length;
      const missing = Number(list.dataset.total) - shown;
      more.textContent = '';
      more.hidden = missing <= 0 || shown === 0;
      if (more.hidden) continue;
      const label = '+ ' + missing + ' more';
      if (!url) {
        more.textContent = label + ' in the full level description';
        continue;
      }
      const link = document.createElement('a');
      link.href = url;
      link.textContent = label;
      more.append(link);
    }
  };
  syncMore();
  const candidates = [...document.querySelectorAll('[data-drop]')]
    .map((element) => ({ element, rank: Number(element.dataset.drop) }))
    .filter((c) => c.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  let dropped = 0;
  const removedAt = [];
  // Each step removes the highest-ranked element whose removal shortens the sheet. An element in
  // the shorter of two columns saves nothing, so it is put back and waits: within a column the
  // ranks are followed exactly, so a list never loses its third item before its fourth.
  let remaining = candidates.map((c) => c.element);
  while (overflows()) {
    let removed = null;
    for (const element of remaining) {
      if (!element.isConnected) continue;
      const parent = element.parentNode;
      const next = element.nextSibling;
      const before = sheet.scrollHeight;
      element.remove();
      syncMore();
      if (sheet.scrollHeight < before) {
        removed = element;
        removedAt.push({ element, parent, next });
        break;
      }
      parent.insertBefore(element, next);
      syncMore();
    }
    if (!removed) break;
    dropped += 1;
    remaining = remaining.filter((element) => element !== removed && element.isConnected);
  }
  // A big element (a whole checklist) may have gone where smaller ones dropped before it now fit:
  // put back what fits, the most important (last dropped) first, set tighter if that is what it takes.
  for (let i = removedAt.length - 1; i >= 0; i -= 1) {
    const { element, parent, next } = removedAt[i];
    if (!parent.isConnected) continue;
    parent.insertBefore(element, next && next.parentNode === parent ? next : null);
    syncMore();
    // A list that is all or nothing may still fit set tighter (data-tight): better than a blank band.
    if (overflows() && element.hasAttribute('data-tight')) element.classList.add('tight');
    if (overflows()) {
      element.classList.remove('tight');
      element.remove();
      syncMore();
    } else {
      dropped -= 1;
    }
  }
  // A group whose items were all dropped is only a heading now: drop it too.
  for (const group of document.querySelectorAll('[data-group]')) if (!group.querySelector('li:not([data-more])')) group.remove();
  syncMore();
  return { dropped, fits: !overflows() };
})()`;

/**
 * Shortens a profile until it fits its sheet: removes the `[data-drop]` element with the highest
 * rank that makes the sheet shorter, measures again, and so on. Whole items go, never part of a line, a list left
 * shorter says "+ N more", and the order is fixed by the view, so the same content always keeps the same items. Returns how many were dropped and
 * whether the sheet fits (it may not, if even the essentials overflow; the PDF then runs to a
 * second page rather than cutting text).
 */
export async function fitToOnePage(page: Page): Promise<{ dropped: number; fits: boolean }> {
  return (await page.evaluate(FIT_SCRIPT)) as { dropped: number; fits: boolean };
}
