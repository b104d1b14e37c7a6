import { BrowserSession } from './browser-session.js';
import { browserLauncher } from './launch-browser.js';

/** The least time a browser gets to start: a cold Chromium on a loaded machine can take ten seconds. */
const BROWSER_START_MS = 30_000;

/**
 * The build's one Chromium, shared by every format that prints (PDFs, checklists). It is started as
 * soon as the build knows it will print — the content read and sound — so the second or so Chromium
 * takes to start passes while this thread plans the documents, not before the first page prints.
 * A browser that cannot be found is reported when a format asks for it, as if it had started it then.
 * Printing without the build (tests, a single format) starts one of its own the same way.
 */
export interface BuildBrowser {
  /** The browser's session; throws when no browser was found. */
  session(): BrowserSession;
  /** Ends the browser, however far it got: politely once a format has used it, else (or `now`) at once. */
  close(now?: boolean): Promise<void>;
}

export function startBuildBrowser(configured: string | null, documentTimeoutMs: number): BuildBrowser {
  let session: BrowserSession | null = null;
  let failure: unknown = null;
  let used = false;
  try {
    session = new BrowserSession(browserLauncher(configured, startTimeoutMs(documentTimeoutMs)));
  } catch (error) {
    failure = error;
  }
  return {
    session() {
      used = true;
      if (session) return session;
      throw failure;
    },
    async close(now = false) {
      // Unused (the content failed, or every document came from the cache), it has nothing to finish.
      await session?.close(now || !used);
    },
  };
}

function startTimeoutMs(documentTimeoutMs: number): number {
  return Math.max(BROWSER_START_MS, documentTimeoutMs);
}
