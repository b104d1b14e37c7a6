import puppeteer, { type Browser } from 'puppeteer';

/** Debian's Chromium as the brief says to start it headless here (no sandbox as root, no network chatter). */
export function launchTestBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
