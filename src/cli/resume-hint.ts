/**
 * The `remedy apply` command line that goes on from where a run stopped: the same
 * selection (the phase, or the IDs still to do) and every option the user gave,
 * quoted for a POSIX shell so it can be copied as it is.
 */
import { docArgs, type GlobalArgs } from './context.js';

/** The options of `apply` that a resumed run must repeat. */
export interface ApplyCommandArgs extends GlobalArgs {
  ids: string[];
  phase?: string;
  branch?: string;
  verify?: string;
  verifyTimeout?: number;
  keepGoing?: boolean;
  allowDirty?: boolean;
  ignoreDeps?: boolean;
  unsafe?: boolean;
  format?: boolean;
  guard?: boolean;
  verifyHooks?: boolean;
  commit?: boolean;
  baseline?: boolean;
  interactive?: boolean;
}

/** A word for a POSIX shell: as it is when nothing in it is special, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `--flag` for each option given, `--no-flag` for each default turned off. */
function optionWords(args: ApplyCommandArgs): string[] {
  const words: string[] = [];
  for (const doc of docArgs(args.doc)) words.push('--doc', doc);
  if (args.repo !== undefined) words.push('--repo', args.repo);
  if (args.config !== undefined) words.push('--config', args.config);
  if (args.branch !== undefined) words.push('--branch', args.branch);
  if (args.verify !== undefined) words.push('--verify', args.verify);
  if (args.verifyTimeout !== undefined) words.push('--verify-timeout', String(args.verifyTimeout));
  const on: [boolean | undefined, string][] = [
    [args.interactive, '--interactive'],
    [args.keepGoing, '--keep-going'],
    [args.allowDirty, '--allow-dirty'],
    [args.ignoreDeps, '--ignore-deps'],
    [args.unsafe, '--unsafe'],
  ];
  const off: [boolean | undefined, string][] = [
    [args.commit, '--no-commit'],
    [args.format, '--no-format'],
    [args.guard, '--no-guard'],
    [args.baseline, '--no-baseline'],
    [args.verifyHooks, '--no-verify-hooks'],
  ];
  for (const [value, flag] of on) if (value === true) words.push(flag);
  for (const [value, flag] of off) if (value === false) words.push(flag);
  return words;
}

/**
 * `remedy apply <the phase | ids> <options> [--continue]`: with a phase, the phase
 * (findings already applied are skipped); else the given `ids`.
 */
export function applyCommandLine(
  args: ApplyCommandArgs,
  ids: readonly string[],
  resume: boolean,
): string {
  const selection = args.phase !== undefined ? ['--phase', args.phase] : [...ids];
  const words = ['apply', ...selection, ...optionWords(args), ...(resume ? ['--continue'] : [])];
  return ['remedy', ...words.map(shellQuote)].join(' ');
}
