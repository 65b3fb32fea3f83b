/**
 * `remedy run <transform> [paths...]`: run one transform without a finding. Prints
 * the diff (dry run) or writes with `--write`; `--json` for scripts.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import { countResults, exitCodeFor } from '../../core/result.js';
import { parsePythonVersion } from '../../python/version.js';
import { cliContext, type GlobalArgs, repoPaths, withRepoOptions } from '../context.js';
import { printHeldBack, printResults } from '../diagnostics.js';
import { setExitCode } from '../exit.js';
import { err, printJson } from '../output.js';
import { Progress } from '../progress.js';
import { printDiffs, printStat, resultsJson, summaryLine } from '../report.js';

interface Args extends GlobalArgs {
  transform: string;
  paths: string[];
  options?: string;
  write?: boolean;
  unsafe?: boolean;
  targetVersion?: string;
  json?: boolean;
  format?: boolean;
  guard?: boolean;
  stat?: boolean;
  workers?: number;
  onCollision?: string;
  exitCode?: boolean;
}

function parseOptionsJson(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--options is not valid JSON: ${(error as Error).message}`, {
      hint: `pass a JSON object, e.g. --options '{"unions": false}'`,
    });
  }
}

/** `--on-collision alias` is `"onCollision": "alias"` in the options (rename-symbols). */
function withOnCollision(options: unknown, onCollision: string | undefined): unknown {
  if (onCollision === undefined || typeof options !== 'object' || options === null) return options;
  return { onCollision, ...options };
}

export const runCommand: CommandModule<GlobalArgs, Args> = {
  command: 'run <transform> [paths...]',
  describe: 'run a transform over paths, without a finding (dry run unless --write)',
  builder: (y: Argv<GlobalArgs>) =>
    withRepoOptions(y)
      .positional('transform', {
        type: 'string',
        demandOption: true,
        describe: 'transform id (see "remedy transforms")',
      })
      .positional('paths', {
        type: 'string',
        array: true,
        default: [],
        describe:
          'files or directories, relative to the current directory (default: the whole repository)',
      })
      .option('options', { type: 'string', describe: 'transform options as JSON' })
      .option('write', {
        type: 'boolean',
        default: false,
        describe: 'write the changes (default: print the diff)',
      })
      .option('unsafe', {
        type: 'boolean',
        default: false,
        describe: 'also apply fixes marked unsafe',
      })
      .option('target-version', {
        type: 'string',
        describe: 'Python target, e.g. py310 (default: config / pyproject)',
      })
      .option('format', {
        type: 'boolean',
        default: false,
        describe: 'format the edited regions with ruff',
      })
      .option('guard', {
        type: 'boolean',
        default: true,
        describe: 'check for new undefined names / redefinitions (--no-guard to skip)',
      })
      .option('stat', {
        type: 'boolean',
        default: false,
        describe: 'print a diffstat instead of the diff',
      })
      .option('workers', {
        type: 'number',
        describe: 'worker threads (default: by file count and cores)',
      })
      .option('on-collision', {
        type: 'string',
        choices: ['refuse', 'alias'],
        describe: 'rename-symbols: when the new name is taken in an importing module',
      })
      .option('exit-code', {
        type: 'boolean',
        default: false,
        describe: 'exit 1 when there are changes (like git diff --exit-code)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print JSON (see docs/json.md)',
      })
      .example('$0 run pep604-optional src/', 'a dry run: the diff on stdout')
      .example('$0 run pep604-optional src/ --write', 'write the changes')
      .example(`$0 run hoist-imports app.py --options '{"modules": ["json"]}'`, 'with options')
      .example(
        '$0 run pep604-optional --exit-code > /dev/null',
        'fail CI while anything is left',
      ) as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const ctx = cliContext(args, args.paths);
    const { registerBuiltinLanguages } = await import('../../languages.js');
    await registerBuiltinLanguages();
    const { loadTransform } = await import('../../../transforms/index.js');
    const { runTransform } = await import('../../engine/run.js');
    const { transform, module } = await loadTransform(args.transform);
    const targetVersion = args.targetVersion ? parsePythonVersion(args.targetVersion) : undefined;
    if (args.targetVersion && !targetVersion) {
      throw new UsageError(`--target-version "${args.targetVersion}" is not a Python version`, {
        hint: 'use e.g. py310',
      });
    }
    const progress = new Progress(transform.id);
    const outcome = await runTransform({
      root: ctx.root,
      transform,
      transformModule: module,
      options: withOnCollision(parseOptionsJson(args.options), args.onCollision),
      paths: repoPaths(ctx.root, args.paths),
      allowUnsafe: !!args.unsafe,
      format: !!args.format,
      guard: args.guard !== false,
      config: ctx.config,
      ...(targetVersion ? { targetVersion } : {}),
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.done();
    const { results } = outcome;
    let written = false;
    if (args.write) {
      const { writeResults } = await import('../../engine/apply-results.js');
      written = writeResults(ctx.root, outcome, transform.reads);
    }
    if (args.json) {
      printJson({
        transform: transform.id,
        written,
        counts: countResults(results),
        results: resultsJson(results),
        diagnostics: outcome.diagnostics,
        heldBack: outcome.heldBack,
      });
    } else {
      if (!args.write) {
        if (args.stat) printStat(results);
        else printDiffs(results);
      }
      printResults(results, outcome.diagnostics);
      printHeldBack(outcome.heldBack);
      const mode = args.write
        ? written
          ? 'written'
          : 'nothing written'
        : 'dry run, use --write to apply';
      err(`${summaryLine(transform.id, results)} (${mode})`);
    }
    const changed = results.some((r) => r.kind === 'changed');
    setExitCode(Math.max(exitCodeFor(results), args.exitCode && changed ? 1 : 0));
  },
};
