/**
 * Options shared by plan / diff / apply, and the session they open (documents,
 * config, findings and the transform registry).
 */
import type { Argv } from 'yargs';
import { cliContext, type GlobalArgs, withDocOption, withRepoOptions } from './context.js';

export interface SelectionArgs extends GlobalArgs {
  ids: string[];
  phase?: string;
  json?: boolean;
  format?: boolean;
  guard?: boolean;
  unsafe?: boolean;
}

export function withSelection<T extends GlobalArgs>(y: Argv<T>): Argv<T & SelectionArgs> {
  return withDocOption(withRepoOptions(y))
    .positional('ids', {
      type: 'string',
      array: true,
      default: [],
      describe: 'finding IDs (or aliases)',
    })
    .option('phase', { type: 'string', describe: 'a phase: its id, number or title' })
    .option('format', {
      type: 'boolean',
      default: true,
      describe: 'format touched regions with ruff (--no-format to skip)',
    })
    .option('guard', {
      type: 'boolean',
      default: true,
      describe: 'refuse rewrites that add undefined names (--no-guard to skip)',
    })
    .option('unsafe', {
      type: 'boolean',
      default: false,
      describe: 'also apply fixes marked unsafe',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'print JSON (see docs/json.md)',
    }) as unknown as Argv<T & SelectionArgs>;
}

export async function openCliSession(args: SelectionArgs) {
  const ctx = cliContext(args);
  const { openSession } = await import('../workflow/session.js');
  const { loadCatalog } = await import('../../transforms/index.js');
  const { registerBuiltinLanguages } = await import('../languages.js');
  await registerBuiltinLanguages();
  const session = await openSession(ctx.root, ctx.config, ctx.docs, await loadCatalog());
  return { ctx, session };
}

export function executeOptions(
  args: SelectionArgs,
  config: import('../config/load.js').RemedyConfig,
) {
  return {
    config,
    format: args.format !== false,
    guard: args.guard !== false,
    allowUnsafe: !!args.unsafe,
  };
}

/** Open the session, select findings by IDs or phase, and simulate them in order. */
export async function dryRunSelection(args: SelectionArgs) {
  const { session, ctx } = await openCliSession(args);
  const { selectFindings } = await import('../workflow/session.js');
  const { dryRunFindings } = await import('../workflow/dry-run.js');
  const { GitRepo } = await import('../git/repo.js');
  const selection = selectFindings(session, args.ids, args.phase);
  const repo = await GitRepo.open(ctx.root).catch(() => undefined);
  const applied = repo ? await repo.appliedFindings() : new Map<string, string>();
  const outcomes = await dryRunFindings(session, selection.findings, {
    ...executeOptions(args, ctx.config),
    applied,
  });
  return { session, ctx, selection, outcomes };
}
