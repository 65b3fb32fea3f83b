/**
 * `remedy apply --interactive`: the review prompt. For each finding that would change
 * files it shows the finding, its diff (coloured on a TTY) and its notes, then asks
 * `Apply Q-01 [y,n,q,a,d,?]?` and reads one key, as `git add -p` (with
 * interactive.singleKey) and `sg run -i` do. Nothing of a finding is written before
 * its answer; Ctrl-C at the prompt stops the run there, like an interrupt.
 */
import { UsageError } from '../core/errors.js';
import { unifiedDiff } from '../engine/diff.js';
import type { Decision } from '../workflow/apply.js';
import type { ChangedOutcome } from '../workflow/land.js';
import { printOutcomeDetail } from './outcome-text.js';
import { out, paint } from './output.js';
import { colorDiff } from './report.js';

const HELP = [
  'y - apply this finding: write, verify and commit it',
  'n - skip this finding (the ones that depend on it are skipped too)',
  'q - quit: apply neither this finding nor any later one',
  'a - apply this finding and every later one without asking',
  'd - show the diff again',
  '? - print this help',
].join('\n');

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

/** `--interactive` asks on the terminal: refuse it where nobody can answer. */
export function checkInteractive(json: boolean): void {
  if (json)
    throw new UsageError('--interactive cannot be combined with --json', {
      hint: 'review with --interactive in a terminal, or script the run with --json (and remedy diff --json to see the changes first)',
    });
  if (!process.stdin.isTTY)
    throw new UsageError('--interactive needs a terminal: standard input is not a TTY', {
      hint: 'run it in a terminal, or leave out --interactive (remedy diff shows every change first)',
    });
}

/** One key from the terminal, in raw mode; undefined at the end of input. */
function readKey(): Promise<string | undefined> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    const finish = (key: string | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode(false);
      stdin.pause();
      resolve(key);
    };
    const onData = (data: Buffer) => finish(data.toString('utf8'));
    const onEnd = () => finish(undefined);
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.resume();
  });
}

function showFinding(outcome: ChangedOutcome, index: number, total: number): void {
  const { finding } = outcome;
  out();
  out(
    paint(
      'bold',
      `── ${finding.id} (${index + 1}/${total}) ${finding.title} [${outcome.step.transform.id}]`,
    ),
  );
  showDiff(outcome);
  printOutcomeDetail(outcome);
}

function showDiff(outcome: ChangedOutcome): void {
  for (const file of outcome.files) process.stdout.write(colorDiff(unifiedDiff(file)));
}

/** The `decide` callback of applyFindings: asks about each finding until answered. */
export function interactiveReview(): (
  outcome: ChangedOutcome,
  index: number,
  total: number,
) => Promise<Decision> {
  let acceptAll = false;
  return async (outcome, index, total) => {
    if (acceptAll) return 'accept';
    showFinding(outcome, index, total);
    for (;;) {
      process.stdout.write(paint('blue', `Apply ${outcome.finding.id} [y,n,q,a,d,?]? `));
      const key = await readKey();
      out(key === undefined || key < ' ' ? '' : key);
      if (key === undefined || key === CTRL_D || key === 'q') return 'quit';
      if (key === CTRL_C) return 'interrupt';
      if (key === 'y') return 'accept';
      if (key === 'n') return 'skip';
      if (key === 'a') {
        acceptAll = true;
        return 'accept';
      }
      if (key === 'd') showDiff(outcome);
      else out(HELP);
    }
  };
}
