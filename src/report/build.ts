/**
 * Build the report of a selection of findings on the current branch: the commits
 * that carry their trailers (with patch and diffstat), a dry run of the rest, and a
 * replay of each applied finding at its parent for the notes the commit does not keep.
 */
import type { Finding } from '../findings/types.js';
import { dryRunFindings } from '../workflow/dry-run.js';
import type { ExecuteOptions } from '../workflow/execute.js';
import type { Selection, Session } from '../workflow/session.js';
import { type AppliedCommit, toReportFinding } from './adapter.js';
import {
  commitDiff,
  commitStat,
  currentBranch,
  type FindingCommit,
  findingCommits,
  headCommit,
} from './history.js';
import { countStatuses, type Report } from './model.js';
import { replayAtParent } from './replay.js';

export interface BuildReportOptions extends ExecuteOptions {
  /** Re-run applied findings at their parent commit for their notes (default true). */
  readonly replay: boolean;
  /** Called before each applied finding is replayed. */
  readonly onReplay?: (id: string, index: number, total: number) => void;
}

function titleOf(selection: Selection, ids: readonly string[]): string {
  if (selection.phase) return `${selection.phase.title} (${selection.phase.id})`;
  return ids.length > 0 ? `findings ${ids.join(', ')}` : 'all findings';
}

function configuredManual(session: Session, finding: Finding): boolean {
  const keys = [finding.id, ...finding.aliases];
  return keys.some((k) => session.config.findings.get(k)?.kind === 'manual');
}

async function appliedCommit(
  session: Session,
  finding: Finding,
  record: FindingCommit,
  opts: BuildReportOptions,
): Promise<AppliedCommit> {
  const diff = commitDiff(session.root, record.hash);
  const stat = commitStat(session.root, record.hash);
  if (!opts.replay) return { record, diff, stat };
  const replay = await replayAtParent(session.root, await session.plan(finding), record.hash, opts);
  return { record, diff, stat, ...(replay ? { replay } : {}) };
}

export async function buildReport(
  session: Session,
  selection: Selection,
  ids: readonly string[],
  opts: BuildReportOptions,
): Promise<Report> {
  const commits = findingCommits(session.root);
  const applied = new Map([...commits].map(([id, c]) => [id, c.hash]));
  const outcomes = await dryRunFindings(session, selection.findings, { ...opts, applied });
  const appliedTotal = outcomes.filter((o) => commits.has(o.finding.id)).length;
  const findings = [];
  let replayed = 0;
  for (const outcome of outcomes) {
    const { finding } = outcome;
    const record = commits.get(finding.id);
    if (record && opts.replay) opts.onReplay?.(finding.id, replayed++, appliedTotal);
    findings.push(
      toReportFinding({
        finding,
        step: (await session.plan(finding)).step,
        outcome,
        configuredManual: configuredManual(session, finding),
        ...(record ? { applied: await appliedCommit(session, finding, record, opts) } : {}),
      }),
    );
  }
  return {
    version: 1,
    title: titleOf(selection, ids),
    branch: currentBranch(session.root),
    head: headCommit(session.root),
    phase: selection.phase ? { id: selection.phase.id, title: selection.phase.title } : null,
    generatedAt: new Date().toISOString(),
    counts: countStatuses(findings),
    findings,
  };
}
