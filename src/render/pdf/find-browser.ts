import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { BrowserNotFoundError } from './browser-not-found-error.js';

/** Where system browsers live, tried after the explicit settings and puppeteer's own download. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
] as const;

/** Names looked up on PATH when none of the usual places has a browser. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;

export interface BrowserSearch {
  /** PUPPETEER_EXECUTABLE_PATH. */
  readonly environment: string | undefined;
  /** The config's browser.executablePath. */
  readonly configured: string | null;
  /** The Chrome puppeteer downloaded, if it knows of one (it may not exist on disk). */
  readonly downloaded: string | null;
  readonly pathVariable: string | undefined;
  /** The usual install locations; replaced in tests to simulate a machine without a browser. */
  readonly systemBrowsers?: readonly string[];
}

/**
 * The browser to print with, in the documented order: PUPPETEER_EXECUTABLE_PATH, the config,
 * puppeteer's downloaded Chrome, then system Chrome/Chromium. An explicit setting that points
 * nowhere is an error rather than silently falling through, so a typo does not go unnoticed.
 */
export function findBrowser(search: BrowserSearch): string {
  for (const [setting, value] of [['PUPPETEER_EXECUTABLE_PATH', search.environment], ['browser.executablePath', search.configured ?? undefined]] as const) {
    if (!value) continue;
    if (isExecutable(value)) return value;
    throw new BrowserNotFoundError([`${value} (from ${setting}, not an executable file)`]);
  }
  const candidates = [
    ...(search.downloaded ? [search.downloaded] : []),
    ...(search.systemBrowsers ?? SYSTEM_BROWSERS),
    ...(search.pathVariable ?? '').split(path.delimiter).filter(Boolean).flatMap((dir) => PATH_NAMES.map((name) => path.join(dir, name))),
  ];
  for (const candidate of candidates) {
    if (isExecutable(candidate)) return candidate;
  }
  throw new BrowserNotFoundError(['PUPPETEER_EXECUTABLE_PATH', 'browser.executablePath', "puppeteer's downloaded Chrome", ...SYSTEM_BROWSERS.slice(0, 4), `${PATH_NAMES.join('/')} on PATH`]);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
