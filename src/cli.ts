import { Command, CommanderError, Option } from 'commander';
import { reportInternalError } from './commands/report-internal-error.js';
import { EXIT } from './exit-codes.js';
import { FORMAT_NAMES } from './formats.js';
import { TOOL_VERSION } from './tool-version.js';

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/**
 * Entry point of the `ladderpress` command; returns the exit code instead of exiting. Each command
 * is imported when it runs, so `--help` does not load Chromium's driver or the Word writer.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ladderpress')
    .description('Publish an engineering career ladder as a website, PDFs and Word documents.')
    .version(TOOL_VERSION, '-v, --version', 'print the version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError('(run "ladderpress --help" for usage)')
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 content errors, 2 usage or config errors, 3 environment (e.g. no browser for PDFs),
            130/143 stopped by Ctrl-C/SIGTERM (out/ is left as it was).
Config: ladderpress.config.{ts,mjs,js,json} in the working directory (see README "Configuration").`,
    );

  program
    .command('build')
    .description('build the site, PDFs and Word documents into the output folder')
    .argument('[dir]', 'content folder (default: the config\'s "content", else ./content)')
    .option('--out <dir>', 'output folder (default: the config\'s "out", else ./out)')
    .option('--only <formats>', `comma-separated formats to build: ${FORMAT_NAMES.join(',')}`)
    .option('--level <slug>', 'render the PDF and DOCX of this level only, keep the others (repeatable)', collect, [])
    .option('--config <file>', 'config file')
    .option('--concurrency <n>', 'PDF pages printed at once')
    .option('--clean', 'empty the render cache first (a cold build)')
    .option('--strict', 'fail on warnings too')
    .option('--verify', 'read the output back and check it before publishing (default when CI is set)')
    .option('--no-verify', 'skip that check, even in CI')
    .option('--json', 'print one JSON object on stdout: ok, exitCode, diagnostics, files, stats')
    .option('--quiet', 'no progress or summary, only problems')
    .action(async (dir: string | undefined, options: { out?: string; only?: string; level: string[]; config?: string; concurrency?: string; clean?: boolean; strict?: boolean; json?: boolean; quiet?: boolean; verify?: boolean }) => {
      const { runBuild } = await import('./commands/build-command.js');
      exitCode = await runBuild(dir ?? null, {
        out: options.out ?? null,
        config: options.config ?? null,
        strict: options.strict ?? false,
        json: options.json ?? false,
        only: options.only === undefined ? null : options.only.split(',').map((format) => format.trim()).filter(Boolean),
        levels: options.level,
        concurrency: options.concurrency ?? null,
        clean: options.clean ?? false,
        quiet: options.quiet ?? false,
        verify: options.verify ?? Boolean(process.env['CI']),
      });
    });

  program
    .command('dev')
    .description('serve the site on localhost, rebuild on every change and reload the browser')
    .argument('[dir]', 'content folder (default: the config\'s "content", else ./content)')
    .option('--port <n>', 'port to listen on', '4321')
    .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
    .option('--config <file>', 'config file')
    .action(async (dir: string | undefined, options: { port: string; host: string; config?: string }) => {
      const { runDev } = await import('./commands/dev-command.js');
      exitCode = await runDev(dir ?? null, { port: options.port, host: options.host, config: options.config ?? null });
    });

  program
    .command('check')
    .description('read the content and report every problem, without writing anything')
    .argument('[dir]', 'content folder (default: the config\'s "content", else ./content)')
    .option('--json', 'print the problems as JSON')
    .option('--strict', 'fail on warnings too')
    .option('--config <file>', 'config file')
    .action(async (dir: string | undefined, options: { json?: boolean; strict?: boolean; config?: string }) => {
      const { runCheck } = await import('./commands/check-command.js');
      exitCode = await runCheck(dir ?? null, { json: options.json ?? false, strict: options.strict ?? false, config: options.config ?? null });
    });

  program
    .command('model')
    .description('print the ladder model as JSON (see schema/model.schema.json)')
    .argument('[dir]', 'content folder (default: the config\'s "content", else ./content)')
    .option('--config <file>', 'config file')
    .action(async (dir: string | undefined, options: { config?: string }) => {
      const { runModel } = await import('./commands/model-command.js');
      exitCode = await runModel(dir ?? null, { config: options.config ?? null });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      // --json promises one JSON object on stdout, even when the command line itself is wrong.
      if (argv.includes('--json')) {
        const { outcomeJson } = await import('./commands/print-outcome.js');
        process.stdout.write(`${JSON.stringify(outcomeJson({ early: { exitCode: EXIT.usage, error: error.message.replace(/^error: /, ''), hint: null } }), null, 2)}\n`);
      }
      return EXIT.usage;
    }
    return reportInternalError(error);
  }
  return exitCode;
}
