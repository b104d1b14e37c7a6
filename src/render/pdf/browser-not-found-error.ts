/**
 * No browser to print PDFs with. The build maps this to exit code 3 (something missing on this
 * machine) and still writes the site and the Word documents, so the message must say exactly what to
 * install or configure.
 */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';

  constructor(readonly tried: readonly string[]) {
    super(
      [
        'No Chrome or Chromium found to print the PDFs with.',
        `Looked for: ${tried.join(', ')}.`,
        'Fix it in one of these ways:',
        '  - install Chromium: "apt-get install chromium" (Debian/Ubuntu), "brew install --cask chromium" (macOS)',
        '  - or download puppeteer\'s Chrome: "npx puppeteer browsers install chrome"',
        '  - or point to a browser: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome',
        '    or the config key browser.executablePath.',
        'Or build without PDFs: "ladderpress build --only html,docx".',
      ].join('\n'),
    );
  }
}
