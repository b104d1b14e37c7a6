import { BrowserNotFoundError } from './browser-not-found-error.js';

/**
 * A browser was found but did not start (not a browser, a broken install, a missing library). For the
 * user it is the same as no browser: exit 3, the site and Word documents published, and the cause in
 * words — so it is a BrowserNotFoundError, with a message that names the executable and the cause.
 */
export class BrowserStartError extends BrowserNotFoundError {
  constructor(executable: string, cause: unknown) {
    super([executable]);
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    this.message = [
      `The browser ${executable} did not start, so no PDFs were printed (${reason}).`,
      'Fix it in one of these ways:',
      `  - check that ${executable} is Chrome or Chromium and runs: "${executable} --headless --version"`,
      '  - or point to another browser: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome, or the config key browser.executablePath',
      '  - or download puppeteer\'s Chrome: "npx puppeteer browsers install chrome"',
      'Or build without PDFs: "ladderpress build --only html,docx".',
    ].join('\n');
    this.cause = cause;
  }
}
