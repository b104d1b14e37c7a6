import type { Browser, Page } from 'puppeteer';
import { browserEnded } from './launch-browser.js';

/**
 * The one browser of a build. It survives a Chromium crash: `relaunch` starts a new one (once, however
 * many workers notice the crash), and `close` always ends the browser, killing it if it does not
 * answer, so no Chromium outlives the build.
 */
export class BrowserSession {
  #browser: Promise<Browser>;
  #generation = 0;
  #closed = false;
  /** Browsers replaced after a crash, still being ended: `close` waits for them too. */
  readonly #retiring = new Set<Promise<void>>();

  constructor(private readonly launch: () => Promise<Browser>) {
    this.#browser = launch();
    // Started before it is needed (build-browser.ts), a browser that fails to start must not be an
    // unhandled rejection meanwhile: the failure reaches whoever asks for a page.
    this.#browser.catch(() => undefined);
  }

  /** Counts launches, so a worker can tell whether the browser it saw fail was already replaced. */
  get generation(): number {
    return this.#generation;
  }

  async connected(): Promise<boolean> {
    return (await this.#browser.catch(() => null))?.connected ?? false;
  }

  /** A fresh page that blocks every network request: local content must never wait on the network. */
  async newPage(): Promise<Page> {
    if (this.#closed) throw new Error('the browser was closed');
    const page = await (await this.#browser).newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined);
    });
    return page;
  }

  /** Starts a new browser unless another worker already did since `seen`. */
  async relaunch(seen: number): Promise<void> {
    if (this.#closed) throw new Error('the browser was closed');
    if (seen === this.#generation) {
      const old = this.#browser;
      this.#generation += 1;
      this.#browser = this.launch();
      const retired = old.then(kill, () => undefined).catch(() => undefined);
      this.#retiring.add(retired);
      void retired.then(() => this.#retiring.delete(retired));
    }
    await this.#browser;
  }

  /** `now`: kill without asking (Ctrl-C, a hung document), else close politely first. */
  async close(now = false): Promise<void> {
    this.#closed = true;
    await this.#browser.then((browser) => (now ? kill(browser) : forceClose(browser)), () => undefined);
    await Promise.all(this.#retiring);
  }
}

/** Kills the browser and resolves once every process it started is gone. */
async function kill(browser: Browser): Promise<void> {
  const child = browser.process();
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  void browser.disconnect().catch(() => undefined);
  await browserEnded(browser);
}

/** Closes politely, then kills: a hung Chromium must not keep the build (or the machine) busy. */
async function forceClose(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([browser.close().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 3_000)))]);
  clearTimeout(timer);
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await browserEnded(browser);
}
