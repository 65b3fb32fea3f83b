/**
 * Simulate findings in order on an in-memory overlay of the repository: each
 * finding sees the changes of those before it, and nothing is written.
 */
import { DiskStore, OverlayStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import { type ExecuteOptions, executeFinding, type FindingOutcome } from './execute.js';
import type { Session } from './session.js';

export interface DryRunOptions extends ExecuteOptions {
  /** IDs already applied on this branch (trailers), with their commits. */
  readonly applied: ReadonlyMap<string, string>;
  /** The tree to read (default: the repository's work tree), e.g. a checkout of a branch. */
  readonly root?: string;
  readonly onFinding?: (outcome: FindingOutcome, index: number, total: number) => void;
}

export async function dryRunFindings(
  session: Session,
  findings: readonly Finding[],
  opts: DryRunOptions,
): Promise<FindingOutcome[]> {
  const store = new OverlayStore(new DiskStore(opts.root ?? session.root));
  const outcomes: FindingOutcome[] = [];
  for (const [index, finding] of findings.entries()) {
    const outcome = await simulate(session, finding, store, opts);
    if (outcome.kind === 'changed')
      for (const file of outcome.files) {
        if (file.deleted) store.delete(file.path);
        else store.set(file.path, file.after);
      }
    outcomes.push(outcome);
    opts.onFinding?.(outcome, index, findings.length);
  }
  return outcomes;
}

async function simulate(
  session: Session,
  finding: Finding,
  store: OverlayStore,
  opts: DryRunOptions,
): Promise<FindingOutcome> {
  const commit = opts.applied.get(finding.id);
  if (commit) return { kind: 'already-applied', finding, commit };
  if (finding.status === 'resolved') return { kind: 'resolved-in-doc', finding };
  return executeFinding(await session.plan(finding), store, opts);
}
