import { Command, CommanderError, Option } from 'commander';
import { runCheck } from './commands/check-command.js';
import { runModel } from './commands/model-command.js';
import { runBuild } from './commands/build-command.js';
import { EXIT } from './exit-codes.js';

/** Entry point of the `ladderpress` command; returns the exit code instead of exiting. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('ladderpress')
    .description('Publish an engineering career ladder as a website, PDFs and Word documents.')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError('(run "ladderpress --help" for usage)');

  program
    .command('check')
    .description('read the content and report every problem, without writing anything')
    .argument('[dir]', 'content folder', 'content')
    .option('--json', 'print the problems as JSON')
    .option('--strict', 'fail on warnings too')
    .option('--config <file>', 'config file')
    .action(async (dir: string, options: { json?: boolean; strict?: boolean; config?: string }) => {
      exitCode = await runCheck(dir, { json: options.json ?? false, strict: options.strict ?? false, config: options.config ?? null });
    });

  program
    .command('model')
    .description('print the ladder model as JSON (see schema/model.schema.json)')
    .argument('[dir]', 'content folder', 'content')
    .option('--config <file>', 'config file')
    .action(async (dir: string, options: { config?: string }) => {
      exitCode = await runModel(dir, { config: options.config ?? null });
    });

  program
    .command('build')
    .description('build the site, PDFs and Word documents into the output folder')
    .argument('[dir]', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'out')
    .option('--config <file>', 'config file')
    .option('--strict', 'fail on warnings too')
    .option('--json', 'print problems and the summary as JSON')
    .addOption(new Option('--only <formats>', 'comma-separated formats to build: html,pdf,docx'))
    .action(async (dir: string, options: { out: string; config?: string; strict?: boolean; json?: boolean; only?: string }) => {
      exitCode = await runBuild(dir, {
        out: options.out,
        config: options.config ?? null,
        strict: options.strict ?? false,
        json: options.json ?? false,
        only: options.only ? options.only.split(',').map((format) => format.trim()) : null,
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
