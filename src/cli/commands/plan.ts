/**
 * `remedy plan [--phase P]`: every finding with its transform (or manual), inferred
 * options, status (pending / partial / applied / no-op / manual / resolved-in-doc /
 * refused) and the order it would run in, with the reason of every manual, refused,
 * blocked or partial finding, the commit of an applied one (its old notes no longer
 * hold), and the notes of the others, with the collisions its transform would resolve.
 * Statuses come from a dry run; nothing is written.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { type Diagnostic, isResolution } from '../../core/diagnostic.js';
import { type FindingCommit, findingCommits } from '../../report/history.js';
import type { FindingOutcome } from '../../workflow/execute.js';
import { isPartial } from '../../workflow/partial.js';
import type { GlobalArgs } from '../context.js';
import { printDiagnostics, printHeldBack } from '../diagnostics.js';
import { heldBackOf, outcomeDiagnostics } from '../outcome-text.js';
import { out, paint, printJson, table } from '../output.js';
import { dryRunSelection, type SelectionArgs, withSelection } from '../workflow-args.js';

type Status =
  | 'pending'
  | 'partial'
  | 'applied'
  | 'no-op'
  | 'manual'
  | 'resolved-in-doc'
  | 'refused'
  | 'blocked';

function statusOf(o: FindingOutcome): Status {
  switch (o.kind) {
    case 'changed':
      return isPartial(o) ? 'partial' : 'pending';
    case 'already-applied':
      return 'applied';
    case 'failed':
      return 'refused';
    default:
      return o.kind;
  }
}

const STATUS_STYLE: Record<Status, Parameters<typeof paint>[0]> = {
  pending: 'green',
  partial: 'cyan',
  applied: 'dim',
  'no-op': 'dim',
  manual: 'yellow',
  'resolved-in-doc': 'dim',
  refused: 'red',
  blocked: 'yellow',
};

/** Why a finding is refused, or the resolutions and undone parts of one that changes. */
function planDiagnostics(o: FindingOutcome): Diagnostic[] {
  if (o.kind === 'failed') return outcomeDiagnostics(o);
  if (o.kind !== 'changed') return [];
  return outcomeDiagnostics(o).filter((d) => isResolution(d) || d.undone);
}

/** The reason a plan row gives: a refusal's, a manual finding's, or what a partial one leaves. */
function reasonOf(o: FindingOutcome): string | undefined {
  if (o.kind === 'failed' || o.kind === 'blocked' || o.kind === 'manual') return o.reason;
  if (o.kind === 'changed' && o.undone.length > 0)
    return `partial: ${o.undone.map((d) => d.message).join('; ')}`;
  return undefined;
}

const PHASE_KIND_RANK = ['phase', 'step', 'tier', 'sprint', 'week', 'group', 'priority'];

/** The most specific grouping of a finding for one column: a phase over a step over a priority group. */
function mainPhase(
  ids: readonly string[],
  phases: readonly { id: string; kind?: string }[],
): string {
  const rank = (id: string) => {
    const kind = phases.find((p) => p.id === id)?.kind ?? 'group';
    const i = PHASE_KIND_RANK.indexOf(kind);
    return i === -1 ? PHASE_KIND_RANK.length : i;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b))[0] ?? '-';
}

export const planCommand: CommandModule<GlobalArgs, SelectionArgs> = {
  command: 'plan [ids...]',
  describe: 'map findings to transforms and show status and order',
  builder: (y: Argv<GlobalArgs>) =>
    withSelection(y)
      .example('$0 plan', 'every finding: transform, status, order')
      .example('$0 plan --phase 2', 'one phase')
      .example('$0 plan --json', 'for scripts (see docs/json.md)') as Argv<SelectionArgs>,
  handler: async (args: ArgumentsCamelCase<SelectionArgs>) => {
    const { session, ctx, selection, outcomes } = await dryRunSelection(args);
    const { describeOptions } = await import('../../plan/mapping.js');
    const { explainStep } = await import('../../workflow/explain.js');
    const commits = outcomes.some((o) => o.kind === 'already-applied')
      ? findingCommits(ctx.root)
      : new Map<string, FindingCommit>();
    const rows = [];
    for (const [i, o] of outcomes.entries()) {
      const { step } = await session.plan(o.finding);
      const transform = step.kind === 'transform' ? step.transform.id : 'manual';
      const options = step.kind === 'transform' ? step.options : {};
      // An applied finding's notes described the code before its commit: show the commit.
      const commit = o.kind === 'already-applied' ? o.commit : undefined;
      const explain = commit ? [] : await explainStep(o.finding, step, ctx.root, session.catalog);
      const reason = reasonOf(o);
      rows.push({
        outcome: o,
        order: i + 1,
        finding: o.finding,
        transform,
        source: step.kind === 'transform' ? step.source : null,
        options,
        status: statusOf(o),
        reason,
        explain,
        commit,
        subject: commits.get(o.finding.id)?.subject,
      });
    }
    if (args.json) {
      printJson({
        phase: selection.phase ? { id: selection.phase.id, title: selection.phase.title } : null,
        findings: rows.map((r) => ({
          order: r.order,
          id: r.finding.id,
          title: r.finding.title,
          severity: r.finding.severity,
          phases: r.finding.phases,
          transform: r.transform,
          source: r.source,
          options: r.options,
          status: r.status,
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.commit ? { commit: r.commit } : {}),
          heldBack: heldBackOf(r.outcome),
          diagnostics: planDiagnostics(r.outcome),
          notes: r.explain,
        })),
      });
      return;
    }
    if (selection.phase) out(`${paint('bold', selection.phase.id)}: ${selection.phase.title}`);
    const lines = table([
      ['#', 'ID', 'SEVERITY', 'PHASE', 'TRANSFORM', 'STATUS', 'OPTIONS'],
      ...rows.map((r) => [
        String(r.order),
        paint('bold', r.finding.id),
        r.finding.severity ?? '-',
        mainPhase(r.finding.phases, session.set.phases),
        r.transform,
        paint(STATUS_STYLE[r.status], r.status),
        describeOptions(r.options),
      ]),
    ]);
    out(lines[0]);
    rows.forEach((r, i) => {
      out(lines[i + 1]);
      if (r.reason) out(paint('dim', `     ${r.reason}`));
      if (r.commit)
        out(paint('dim', `     in ${r.commit.slice(0, 10)}${r.subject ? ` ${r.subject}` : ''}`));
      for (const note of r.explain) out(paint('dim', `     ${note}`));
      // The reason of a partial finding already says what is left undone.
      printDiagnostics(
        planDiagnostics(r.outcome).filter((d) => !d.undone),
        '     ',
      );
      printHeldBack(heldBackOf(r.outcome), '     ');
    });
    const counts = new Map<Status, number>();
    for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    out(
      `\n${rows.length} finding(s): ${[...counts.entries()].map(([s, n]) => `${n} ${s}`).join(', ')}`,
    );
  },
};
