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

/** Boolean options: the value that was given (not the default), and how to say it. */
const FLAGS: readonly (readonly [keyof ApplyCommandArgs, boolean, string])[] = [
  ['interactive', true, '--interactive'],
  ['keepGoing', true, '--keep-going'],
  ['allowDirty', true, '--allow-dirty'],
  ['ignoreDeps', true, '--ignore-deps'],
  ['unsafe', true, '--unsafe'],
  ['commit', false, '--no-commit'],
  ['format', false, '--no-format'],
  ['guard', false, '--no-guard'],
  ['baseline', false, '--no-baseline'],
  ['verifyHooks', false, '--no-verify-hooks'],
];

/** `--flag` for each option given, `--no-flag` for each default turned off. */
function optionWords(args: ApplyCommandArgs): string[] {
  const words: string[] = [];
  for (const doc of docArgs(args.doc)) words.push('--doc', doc);
  if (args.repo !== undefined) words.push('--repo', args.repo);
  if (args.config !== undefined) words.push('--config', args.config);
  if (args.branch !== undefined) words.push('--branch', args.branch);
  if (args.verify !== undefined) words.push('--verify', args.verify);
  if (args.verifyTimeout !== undefined) words.push('--verify-timeout', String(args.verifyTimeout));
  for (const [key, when, flag] of FLAGS) if (args[key] === when) words.push(flag);
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
