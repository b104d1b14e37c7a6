import { EXIT } from './exit-codes.js';

/**
 * What stops a whole run rather than being wrong in one file: a command-line mistake, or the
 * machine (where the output goes, the browser, time). Like the diagnostics catalogue: permanent
 * codes, `message(args)` and a hint, so tools can match on them and people know what to do.
 */
export const failureCatalogue = {
  usage: {
    exitCode: EXIT.usage,
    message: (args: { readonly problem: string }) => args.problem,
    hint: 'run "ladderpress build --help" for usage',
  },
  'output-location': {
    exitCode: EXIT.environment,
    message: (args: { readonly outDir: string; readonly reason: string; readonly code: string }) =>
      `cannot write the output next to ${args.outDir}/: ${args.reason} (${args.code}). Nothing was written; the previous ${args.outDir}/ is unchanged`,
    hint: 'Free some space or fix the permissions there, or choose another folder with --out.',
  },
  'browser-not-found': {
    exitCode: EXIT.environment,
    message: (args: { readonly tried: readonly string[] }) =>
      [
        'No Chrome or Chromium found to print the PDFs with.',
        `Looked for: ${args.tried.join(', ')}.`,
        'Fix it in one of these ways:',
        '  - install Chromium: "apt-get install chromium" (Debian/Ubuntu), "brew install --cask chromium" (macOS)',
        '  - or download puppeteer\'s Chrome: "npx puppeteer browsers install chrome"',
        '  - or point to a browser: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome',
        '    or the config key browser.executablePath.',
        'Or build without PDFs: "ladderpress build --only html,docx".',
      ].join('\n'),
    hint: 'The site and the other formats were published without the PDFs.',
  },
  'browser-start': {
    exitCode: EXIT.environment,
    message: (args: { readonly executable: string; readonly reason: string }) =>
      [
        `The browser ${args.executable} did not start, so no PDFs were printed (${args.reason}).`,
        'Fix it in one of these ways:',
        `  - check that ${args.executable} is Chrome or Chromium and runs: "${args.executable} --headless --version"`,
        '  - or point to another browser: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome, or the config key browser.executablePath',
        '  - or download puppeteer\'s Chrome: "npx puppeteer browsers install chrome"',
        'Or build without PDFs: "ladderpress build --only html,docx".',
      ].join('\n'),
    hint: 'The site and the other formats were published without the PDFs.',
  },
  'document-timeout': {
    exitCode: EXIT.environment,
    message: (args: { readonly file: string; readonly title: string; readonly ms: number }) =>
      `PDF ${args.file} ("${args.title}") took longer than ${args.ms} ms and was stopped; raise limits.documentTimeoutMs in the config if the document is just very large. Nothing was written.`,
    hint: 'A machine too slow or too busy for the limit: try again when it is less busy, or raise the limit.',
  },
} as const;

export type FailureCode = keyof typeof failureCatalogue;

/** One failure of a run, as the text and JSON printers show it. */
export interface Failure {
  readonly code: FailureCode;
  readonly exitCode: number;
  readonly message: string;
  readonly hint: string | null;
}

export function failure<C extends FailureCode>(code: C, args: Parameters<(typeof failureCatalogue)[C]['message']>[0]): Failure {
  const entry = failureCatalogue[code];
  // Each entry's message takes its own arguments, which `args` is typed by; TS cannot narrow the union call.
  const message = (entry.message as (args: unknown) => string)(args);
  return { code, exitCode: entry.exitCode, message, hint: entry.hint };
}

/** A failure thrown across stages (a renderer's, the publisher's): the build turns it into its outcome. */
export class EnvironmentError extends Error {
  override readonly name: string = 'EnvironmentError';

  constructor(
    readonly failure: Failure,
    options?: ErrorOptions,
  ) {
    super(failure.message, options);
  }
}
