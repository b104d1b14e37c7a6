import { failure } from '../../failures.js';
import { BrowserNotFoundError } from './browser-not-found-error.js';

/**
 * A browser was found but did not start (not a browser, a broken install, a missing library). For the
 * user it is the same as no browser: exit 3, the site and Word documents published, and the cause in
 * words — so it is a BrowserNotFoundError, whose failure names the executable and the cause.
 */
export class BrowserStartError extends BrowserNotFoundError {
  constructor(executable: string, cause: unknown) {
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
    super([executable], failure('browser-start', { executable, reason }));
    this.cause = cause;
  }
}
