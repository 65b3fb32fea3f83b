/**
 * The `remedy` command line (yargs): global options, commands, and the one place that
 * turns errors into messages and exit codes (0 ok, 1 a fix failed, 2 bad usage/input).
 */
import type { CommandModule } from 'yargs';
import yargs from 'yargs';
import { RemedyError, UsageError } from '../core/errors.js';
import type { GlobalArgs } from './context.js';
import { setExitCode, takeExitCode } from './exit.js';
import { err, formatError } from './output.js';

// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument type
type AnyCommand = CommandModule<GlobalArgs, any>;

/**
 * The commands, loaded on demand: `remedy run` must not pay for the markdown parser
 * that `findings` needs, and so on. Order is the order of `--help`.
 */
const COMMANDS: readonly (readonly [string, () => Promise<AnyCommand>])[] = [
  ['findings', async () => (await import('./commands/findings.js')).findingsCommand],
  ['show', async () => (await import('./commands/show.js')).showCommand],
  ['plan', async () => (await import('./commands/plan.js')).planCommand],
  ['diff', async () => (await import('./commands/diff.js')).diffCommand],
  ['apply', async () => (await import('./commands/apply.js')).applyCommand],
  ['run', async () => (await import('./commands/run.js')).runCommand],
  ['transforms', async () => (await import('./commands/transforms.js')).transformsCommand],
];

/** Global options that take a value (`--repo DIR`), to find the command word after them. */
const VALUE_OPTIONS = new Set(['--repo', '--doc', '--config']);

/** The first word of argv that is not an option: the command, if any. */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Only the named command when it is one of ours, else all (help, typos, no command). */
async function loadCommands(argv: readonly string[]): Promise<AnyCommand[]> {
  const word = commandWord(argv);
  const known = COMMANDS.find(([name]) => name === word);
  const wanted = known && !argv.includes('--help') && !argv.includes('-h') ? [known] : COMMANDS;
  return Promise.all(wanted.map(([, load]) => load()));
}

export async function main(argv: readonly string[]): Promise<number> {
  const commands = await loadCommands(argv);
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
      // One value per --doc: `remedy --doc X plan` must leave the command word alone.
      nargs: 1,
      describe: 'audit document (repeatable; default: config "docs")',
      global: true,
    })
    .option('config', {
      type: 'string',
      describe: 'config file (default: <repo>/remedy.config.json)',
      global: true,
    })
    .command(commands)
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
