import { EnvironmentError, failure, type Failure } from '../../failures.js';

/**
 * No browser to print PDFs with. The build maps this to exit code 3 (something missing on this
 * machine) and still writes the site and the Word documents, so the message must say exactly what to
 * install or configure.
 */
export class BrowserNotFoundError extends EnvironmentError {
  override readonly name = 'BrowserNotFoundError';

  constructor(
    readonly tried: readonly string[],
    reason: Failure = failure('browser-not-found', { tried }),
  ) {
    super(reason);
  }
}
