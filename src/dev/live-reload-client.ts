/** Where the dev server serves its own files; no content slug can start with "__". */
export const DEV_PREFIX = '/__ladderpress/';
export const LIVE_RELOAD_URL = `${DEV_PREFIX}live-reload.js`;
export const EVENTS_URL = `${DEV_PREFIX}events`;

/**
 * The script `ladderpress dev` adds to every page: listens to Server-Sent Events, reloads when a
 * new build is published, shows content errors in an overlay (built with textContent: the
 * messages quote content and must not be parsed as HTML), and hides it when they are fixed.
 */
export const LIVE_RELOAD_CLIENT = `// ladderpress dev: live reload and error overlay
(() => {
  // Pages carry the id of the build that wrote them (?build=N): a different id means a newer build.
  // The dev server's placeholder page has none, so the first build replaces it.
  const script = document.currentScript;
  let seen = script ? new URL(script.src).searchParams.get('build') : null;
  let stale = seen === null;
  let overlay = null;
  const hide = () => { if (overlay) { overlay.remove(); overlay = null; } };
  const show = (problems) => {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'ladderpress-error-overlay';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-label', 'Build errors');
    // Inline styles with every property the site's CSS might set, so the overlay looks the same on any theme.
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#18181c;color:#f5f5f5;' +
      'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem;overflow:auto;text-align:left';
    const title = document.createElement('h2');
    title.textContent = 'ladderpress: the content has errors';
    title.style.cssText = 'margin:0 0 1rem;color:#ff8a80;font:600 18px system-ui,sans-serif';
    const list = document.createElement('pre');
    list.style.cssText = 'white-space:pre-wrap;margin:0;padding:1rem;background:#232329;color:#f5f5f5;border:0;' +
      'border-left:4px solid #ff8a80;border-radius:4px;font:inherit;max-width:none;box-shadow:none';
    list.textContent = problems.join('\\n\\n');
    const note = document.createElement('p');
    note.textContent = 'Fix the file and save: this page reloads by itself.';
    note.style.cssText = 'color:#bbb;font:14px system-ui,sans-serif;margin:1rem 0 0';
    overlay.append(title, list, note);
    document.body.append(overlay);
  };
  const events = new EventSource('${EVENTS_URL}');
  events.addEventListener('built', (event) => {
    const id = String(JSON.parse(event.data).id);
    if (stale || id !== seen) { location.reload(); return; }
    hide();
  });
  events.addEventListener('problems', (event) => { stale = true; show(JSON.parse(event.data).problems); });
})();
`;
