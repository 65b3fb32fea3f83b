/**
 * The `remedy` command line (yargs): global options, commands, and the one place that
 * turns errors into messages and exit codes (0 ok, 1 a fix failed, 2 bad usage/input).
 */
import yargs from 'yargs';
import { RemedyError, UsageError } from '../core/errors.js';
import { applyCommand } from './commands/apply.js';
import { diffCommand } from './commands/diff.js';
import { findingsCommand } from './commands/findings.js';
import { planCommand } from './commands/plan.js';
import { runCommand } from './commands/run.js';
import { showCommand } from './commands/show.js';
import { transformsCommand } from './commands/transforms.js';
import type { GlobalArgs } from './context.js';
import { setExitCode, takeExitCode } from './exit.js';
import { err, formatError } from './output.js';

export async function main(argv: readonly string[]): Promise<number> {
  const cli = yargs([...argv])
    .scriptName('remedy')
    .usage('$0 <command> [options]\n\nTurn an audit document into reviewed, committed code fixes.')
    .option('repo', {
      type: 'string',
      describe: 'repository root (default: current directory)',
      global: true,
    })
    .option('doc', {
      type: 'string',
      array: true,
      describe: 'audit document (repeatable; default: config "docs")',
      global: true,
    })
    .option('config', {
      type: 'string',
      describe: 'config file (default: <repo>/remedy.config.json)',
      global: true,
    })
    .command(findingsCommand)
    .command(showCommand)
    .command(planCommand)
    .command(diffCommand)
    .command(applyCommand)
    .command(runCommand)
    .command(transformsCommand)
    .demandCommand(1, 'give a command (see remedy --help)')
    .strict()
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message, { hint: 'run "remedy --help" (or "remedy <command> --help")' });
    })
    .help()
    .alias('h', 'help')
    .version();
  try {
    await (cli as unknown as { parseAsync(): Promise<GlobalArgs> }).parseAsync();
  } catch (error) {
    err(formatError(error));
    setExitCode(error instanceof RemedyError ? error.exitCode : 1);
  }
  return takeExitCode();
}
