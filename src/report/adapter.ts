/**
 * The one place that turns the workflow's outcome types (FindingOutcome, file
 * results and their typed diagnostics, held-back counts) into the report's model.
 */
import type { FileResult } from '../core/result.js';
import { diffStat, unifiedDiff } from '../engine/diff.js';
import type { Finding } from '../findings/types.js';
import {
  effectiveSeverity,
  PARTIAL_TRAILER,
  TRANSFORM_TRAILER,
  VERIFIED_TRAILER,
} from '../plan/commit-message.js';
import type { Step } from '../plan/mapping.js';
import type { FindingOutcome } from '../workflow/execute.js';
import type { FindingCommit } from './history.js';
import type { Diagnostic, FileStat, ReportFinding, ReportStatus, VerifyResult } from './model.js';
import { nextStepFor } from './next-step.js';

/** An applied finding's commit, its patch, and what re-running it at the parent said. */
export interface AppliedCommit {
  readonly record: FindingCommit;
  readonly diff: string;
  readonly stat: readonly FileStat[];
  readonly replay?: FindingOutcome;
}

export interface ReportSource {
  readonly finding: Finding;
  readonly step: Step;
  /** The dry run on the current tree (`already-applied` for a committed finding). */
  readonly outcome: FindingOutcome;
  readonly applied?: AppliedCommit;
  /** True when the config marks the finding manual. */
  readonly configuredManual: boolean;
}

function resultDiagnostics(results: readonly FileResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of results) {
    out.push(...r.diagnostics);
    if (r.kind === 'failed')
      out.push({ severity: 'error', code: 'file-failed', message: r.error, file: r.path });
    if (r.kind === 'skipped')
      out.push({ severity: 'info', code: 'skipped', message: r.reason, file: r.path });
  }
  return out;
}

/** Every note, skip, failure and refusal of an outcome, with file:line where known. */
export function diagnosticsOf(outcome: FindingOutcome): Diagnostic[] {
  switch (outcome.kind) {
    case 'changed':
    case 'no-op':
      return [...outcome.diagnostics, ...resultDiagnostics(outcome.results)];
    case 'failed': {
      const files = [...(outcome.diagnostics ?? []), ...resultDiagnostics(outcome.results ?? [])];
      const failedFile = files.some((d) => d.code === 'file-failed');
      return failedFile
        ? files
        : [
            ...files,
            {
              severity: 'error',
              code: 'refused',
              message: outcome.reason,
              ...(outcome.hint ? { hint: outcome.hint } : {}),
            },
          ];
    }
    case 'blocked':
      return [{ severity: 'error', code: 'blocked', message: outcome.reason }];
    default:
      return [];
  }
}

/** Unsafe fixes left out of the outcome (a refused or failed run counts its own too). */
export function heldBackOf(outcome: FindingOutcome | undefined): number {
  return outcome && 'heldBack' in outcome ? outcome.heldBack : 0;
}

/** The commit says (`Remedy-Partial`) that it left part of the finding undone. */
function isPartialCommit(applied: AppliedCommit | undefined): boolean {
  return (applied?.record.trailers.get(PARTIAL_TRAILER)?.length ?? 0) > 0;
}

function statusOf(outcome: FindingOutcome, applied: AppliedCommit | undefined): ReportStatus {
  if (applied) return isPartialCommit(applied) ? 'partial' : 'applied';
  switch (outcome.kind) {
    case 'changed':
      return 'pending';
    case 'already-applied':
      return 'applied';
    case 'resolved-in-doc':
      return 'resolved';
    case 'blocked':
      return 'refused';
    case 'failed':
      return outcome.results?.some((r) => r.kind === 'failed') ? 'failed' : 'refused';
    default:
      return outcome.kind;
  }
}

/** `Remedy-Verified: <command> (passed)` -> { command, passed }. */
export function verifyOf(commit: FindingCommit | undefined): VerifyResult | null {
  const value = commit?.trailers.get(VERIFIED_TRAILER)?.[0];
  if (!value) return null;
  const match = /^(.*?)\s*\((passed|failed)\)$/.exec(value);
  return match
    ? { command: match[1]!, passed: match[2] === 'passed' }
    : { command: value, passed: true };
}

function pendingDiff(outcome: FindingOutcome): { diff: string; stat: FileStat[] } {
  if (outcome.kind !== 'changed') return { diff: '', stat: [] };
  return {
    diff: outcome.files.map((f) => unifiedDiff(f)).join(''),
    stat: outcome.files.map((f) => diffStat(f)),
  };
}

/** What a partial finding left undone: the replay's notes, else the commit's trailer. */
function partialReason(evidence: FindingOutcome, applied: AppliedCommit | undefined): string {
  const undone = diagnosticsOf(evidence).filter((d) => d.undone);
  if (undone.length > 0) return `partial: ${undone.map((d) => d.message).join('; ')}`;
  const trailer = applied?.record.trailers.get(PARTIAL_TRAILER)?.[0];
  return `partial: ${trailer ?? 'part left undone'} (the commit body lists it)`;
}

function reasonOf(outcome: FindingOutcome): string | null {
  if ('reason' in outcome) return outcome.reason;
  if (outcome.kind === 'no-op') {
    const held = heldBackOf(outcome);
    return held
      ? `nothing safe to change: ${held} unsafe fix(es) held back (apply them with --unsafe)`
      : 'nothing to change';
  }
  if (outcome.kind === 'resolved-in-doc') return 'the document marks it resolved';
  return null;
}

export function toReportFinding(src: ReportSource): ReportFinding {
  const { finding, step, outcome, applied } = src;
  const status = statusOf(outcome, applied);
  const evidence = applied?.replay ?? outcome;
  const { diff, stat } = applied
    ? { diff: applied.diff, stat: applied.stat }
    : pendingDiff(outcome);
  const next =
    status === 'manual'
      ? nextStepFor(finding, {
          configured: src.configuredManual,
          ...(step.kind === 'transform' ? { notApplicable: step.transform.id } : {}),
        })
      : undefined;
  return {
    id: finding.id,
    title: finding.title,
    severity: effectiveSeverity(finding) ?? null,
    phases: finding.phases,
    source: `${finding.doc}:${finding.line}`,
    status,
    transform:
      applied?.record.trailers.get(TRANSFORM_TRAILER)?.[0] ??
      (step.kind === 'transform' ? step.transform.id : null),
    reason:
      status === 'applied'
        ? null
        : status === 'partial'
          ? partialReason(evidence, applied)
          : reasonOf(outcome),
    nextStep: next?.text ?? null,
    configEntry: next?.entry ?? null,
    commit: applied
      ? { hash: applied.record.hash, subject: applied.record.subject, date: applied.record.date }
      : null,
    diffstat: stat,
    diff,
    verify: verifyOf(applied?.record),
    diagnostics: diagnosticsOf(evidence),
    heldBack: heldBackOf(evidence),
  };
}
