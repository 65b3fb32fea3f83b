/**
 * The `remedy` command line (yargs): global options, commands, and the one place that
 * turns errors into messages and exit codes (0 ok, 1 a fix failed, 2 bad usage/input).
 */

import fs from 'node:fs';
import os from 'node:os';
import type { CommandModule } from 'yargs';
import yargs from 'yargs';
import { RemedyError, UsageError } from '../core/errors.js';
import { FILES_PER_THREAD, prestartWorkers, stopIdleWorkers } from '../engine/worker-pool.js';
import { languageModulesToLoadAhead } from '../languages.js';
import type { GlobalArgs } from './context.js';
import { printHiddenCount } from './diagnostics.js';
import { setExitCode, takeExitCode } from './exit.js';
import { err, formatError, setOutputLevel } from './output.js';

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
  ['report', async () => (await import('./commands/report.js')).reportCommand],
  ['init', async () => (await import('./commands/init.js')).initCommand],
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

/** Options of `remedy run` that take a value (the global ones too). */
const RUN_VALUE_OPTIONS = new Set([
  ...VALUE_OPTIONS,
  '--options',
  '--target-version',
  '--workers',
  '--on-collision',
  '--module',
  '--parser',
]);

/** `remedy run`'s path arguments: the words after the command word and the transform id. */
function runPathArguments(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) words.push(arg);
    else if (RUN_VALUE_OPTIONS.has(arg)) i++;
  }
  return words.slice(2);
}

/** Fewer files than one thread takes, each named: the run stays on the main thread. */
function namesFewFiles(paths: readonly string[]): boolean {
  if (paths.length === 0 || paths.length >= FILES_PER_THREAD) return false;
  return paths.every((p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * `remedy run` over many files spreads them over worker threads; one is started before
 * the arguments are parsed, so that it has loaded the engine by the time the files are
 * found (the run stops it when it turns out to need none). Not with `--workers 0`, help,
 * a single core, or a few files named one by one (it would load the engine for nothing).
 */
function startWorkerAhead(argv: readonly string[]): void {
  if (commandWord(argv) !== 'run' || argv.includes('--help') || argv.includes('-h')) return;
  const at = argv.indexOf('--workers');
  if (argv.includes('--workers=0') || (at !== -1 && Number(argv[at + 1]) === 0)) return;
  if (namesFewFiles(runPathArguments(argv))) return;
  const cores =
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cores >= 2) prestartWorkers(1, { languageModules: languageModulesToLoadAhead() });
}

export async function main(argv: readonly string[]): Promise<number> {
  startWorkerAhead(argv);
  const commands = await loadCommands(argv);
  const cli = yargs([...argv])
    .scriptName('remedy')
    .usage('$0 <command> [options]\n\nTurn an audit document into reviewed, committed code fixes.')
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print errors only', global: true })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      describe: 'also print info messages',
      global: true,
    })
    .option('debug', {
      type: 'boolean',
      describe: 'print the stack of internal errors',
      global: true,
    })
    .middleware((args) => {
      const verbosity = args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal';
      setOutputLevel({ verbosity, debug: !!args.debug });
    })
    .command(commands)
    .example('$0 init', 'propose a remedy.config.json for this repository')
    .example('$0 plan', 'every finding: transform, status, order')
    .example('$0 diff B-QUAL-03', 'the diff apply would commit')
    .example('$0 apply --phase 2', 'a phase on a branch, one commit per finding')
    .example(
      '$0 report --phase 2 --html report.html --md pr.md',
      'review it before the pull request',
    )
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
  stopIdleWorkers();
  printHiddenCount();
  return takeExitCode();
}
