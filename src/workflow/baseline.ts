/**
 * The baseline check: before the first finding of an apply is written, the verify
 * command runs once on the tree as it is (HEAD). When it fails there, no finding is
 * to blame — the project's tests fail before any change — and the run stops with
 * nothing changed. A baseline that changes tracked files stops the run too.
 */
import type { GitRepo } from '../git/repo.js';
import type { InterruptWatch } from './interrupt.js';
import { strayChanges, treeSnapshot } from './stray.js';
import { runVerify, type VerifyResult } from './verify.js';

export interface Baseline {
  readonly command: string;
  readonly result: VerifyResult;
  /** Files the command changed (tracked, or dirty before it ran), sorted. */
  readonly stray: readonly string[];
}

export function baselinePassed(baseline: Baseline): boolean {
  return baseline.result.ok && baseline.stray.length === 0;
}

export async function verifyBaseline(
  repo: GitRepo,
  command: string,
  opts: { readonly verifyTimeout: number; readonly watch: InterruptWatch },
): Promise<Baseline> {
  const before = await treeSnapshot(repo);
  const result = await runVerify(command, repo.root, {
    abort: opts.watch.signal,
    force: opts.watch.forceSignal,
    timeoutSeconds: opts.verifyTimeout,
  });
  const stray = await strayChanges(repo, before, []);
  return { command, result, stray };
}
