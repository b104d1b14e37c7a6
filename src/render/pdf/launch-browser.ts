import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { endBrowserProcesses, killBrowserProcessesNow, scratchPrefix } from './browser-processes.js';
import { BrowserStartError } from './browser-start-error.js';
import { findBrowser } from './find-browser.js';
import { withinTime } from './within-time.js';

/**
 * Flags for a headless Chromium that prints local HTML: no sandbox (CI and containers run as root),
 * and nothing that phones home — without the networking flags a root Chromium stalls at start.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

/**
 * Finds the browser once per build (throws BrowserNotFoundError) and returns how to start it. A browser
 * that has not answered within `startTimeoutMs` is ended and reported as one that did not start:
 * through a pipe nothing else bounds the wait (puppeteer's protocol timeout is lifted below).
 */
export function browserLauncher(configured: string | null, startTimeoutMs = 60_000): () => Promise<Browser> {
  const executablePath = findBrowser({
    environment: process.env['PUPPETEER_EXECUTABLE_PATH'],
    configured,
    downloaded: downloadedChrome(),
    pathVariable: process.env['PATH'],
  });
  // A pipe rather than a WebSocket: when this process dies, however abruptly, Chromium sees the pipe
  // close and exits too, so no browser is left running. Ctrl-C arrives through the build's signal.
  return async () => {
    // Chromium's profile and its own temp files (org.chromium.Chromium.*) live in a folder of ours,
    // removed when the browser exits however it ends — killed on Ctrl-C included — or with us.
    const scratch = mkdtempSync(scratchPrefix());
    // Cleanup never throws: Chromium's helper processes may still be writing when the main one has
    // exited (ENOTEMPTY); then they are ended again and the removal retried, and the last try, when
    // ladderpress itself exits, does the same synchronously.
    const removeScratch = (): boolean => {
      try {
        rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
        return true;
      } catch {
        return false;
      }
    };
    const removeScratchAtExit = (): void => {
      for (let attempt = 0; attempt < 20 && !removeScratch(); attempt += 1) killBrowserProcessesNow(scratch);
    };
    process.once('exit', removeScratchAtExit);
    const launching = puppeteer.launch({
      executablePath, headless: true, pipe: true, args: ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      userDataDir: path.join(scratch, 'profile'),
      // Our own per-document time limits decide when printing hangs (the book's grows with its
      // size); puppeteer's fixed 180 s per call would cut a 500-level book short.
      protocolTimeout: 24 * 60 * 60 * 1000,
      env: { ...process.env, TMPDIR: scratch },
    });
    let browser: Browser;
    try {
      browser = await withinTime(launching, startTimeoutMs, () => new Error(`no answer within ${startTimeoutMs} ms`));
    } catch (error) {
      // Neither puppeteer (which does not wait for a browser it gave up on to die) nor a browser that
      // never answered has ended its processes: they may still be writing into the scratch folder.
      await endBrowserProcesses(scratch, undefined);
      if (removeScratch()) process.removeListener('exit', removeScratchAtExit);
      throw new BrowserStartError(executablePath, error);
    }
    // When the main process is gone (killed, crashed), its helpers (zygote, renderers, and crash
    // handlers in process groups of their own) can outlive it and keep writing into the scratch
    // folder: end them all first, so the folder can really be removed.
    const pid = browser.process()?.pid;
    let ended: Promise<void> | null = null;
    const end = (): Promise<void> =>
      (ended ??= (async () => {
        for (let attempt = 0; attempt < 5; attempt += 1) {
          await endBrowserProcesses(scratch, pid);
          if (removeScratch()) {
            process.removeListener('exit', removeScratchAtExit);
            return;
          }
        }
      })());
    ends.set(browser, end);
    browser.process()?.once('exit', () => void end());
    // puppeteer stops listening to the pipes once disconnected; a browser that dies after that
    // (killed, crashed) must not surface as an unhandled ECONNRESET that ends the whole build.
    for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
    return browser;
  };
}

/** How to end each browser launched here with every process it started. */
const ends = new WeakMap<Browser, () => Promise<void>>();

/**
 * Ends every process `browser` started (call once its main process was told to go) and resolves when
 * none is left and its scratch folder is removed: ladderpress never exits while they run.
 */
export function browserEnded(browser: Browser): Promise<void> {
  return ends.get(browser)?.() ?? Promise.resolve();
}

function downloadedChrome(): string | null {
  try {
    return puppeteer.executablePath();
  } catch {
    return null;
  }
}
