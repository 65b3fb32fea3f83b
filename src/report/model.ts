/**
 * The report's own data model: what `remedy report` knows about each finding on a
 * branch. Everything the HTML, Markdown and `--json` forms show comes from here, fed
 * by one adapter (adapter.ts) from the workflow's outcome types, so a change there
 * (typed diagnostics, held-back counts) is one small function to adapt.
 */

/** Where a finding stands on the branch. */
export type ReportStatus =
  /** A commit on the branch carries its `Remedy-Finding` trailer. */
  | 'applied'
  /** Applied, but the transform could do only part of it (what is left is listed). */
  | 'partial'
  /** Not applied yet; apply would change files. */
  | 'pending'
  /** No transform: done by hand (the reason and the next step say how). */
  | 'manual'
  /** The transform finds nothing to change. */
  | 'no-op'
  /** The transform refuses (a collision, a missing file, a dependency not applied). */
  | 'refused'
  /** Files failed to process (a parse error, the guard, an exception). */
  | 'failed'
  /** The document marks it resolved. */
  | 'resolved';

export const REPORT_STATUSES: readonly ReportStatus[] = [
  'applied',
  'partial',
  'pending',
  'manual',
  'no-op',
  'refused',
  'failed',
  'resolved',
];

/** A typed diagnostic, as the pipeline's (#10): severity, code, message, place, hint. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
}

export interface FileStat {
  readonly path: string;
  readonly added: number;
  readonly removed: number;
}

export interface ReportCommit {
  readonly hash: string;
  readonly subject: string;
  /** Committer date, ISO 8601. */
  readonly date: string;
}

export interface VerifyResult {
  readonly command: string;
  readonly passed: boolean;
}

export interface ReportFinding {
  readonly id: string;
  readonly title: string;
  readonly severity: string | null;
  readonly phases: readonly string[];
  /** `doc:line` of the finding in its document. */
  readonly source: string;
  readonly status: ReportStatus;
  /** The transform id, or null for a manual finding. */
  readonly transform: string | null;
  /** Why it is manual, refused, failed or no-op. */
  readonly reason: string | null;
  /** For manual (and refused) findings: what to do next, in words. */
  readonly nextStep: string | null;
  /** A config entry that would automate a manual finding, when one can be suggested. */
  readonly configEntry: Record<string, unknown> | null;
  readonly commit: ReportCommit | null;
  readonly diffstat: readonly FileStat[];
  /** Unified diff: the commit's for applied findings, the would-be diff for pending ones. */
  readonly diff: string;
  /** From the `Remedy-Verified` trailer; null when the commit records none. */
  readonly verify: VerifyResult | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Unsafe fixes left out (they need `--unsafe`). */
  readonly heldBack: number;
}

export interface Report {
  readonly version: 1;
  readonly title: string;
  readonly branch: string | null;
  readonly head: string | null;
  readonly phase: { readonly id: string; readonly title: string } | null;
  readonly generatedAt: string;
  readonly counts: Readonly<Record<ReportStatus, number>>;
  readonly findings: readonly ReportFinding[];
}

export function countStatuses(findings: readonly ReportFinding[]): Record<ReportStatus, number> {
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<
    ReportStatus,
    number
  >;
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** `file:line: ` for a diagnostic, or '' when it has no place. */
export function placeOf(d: Diagnostic): string {
  if (!d.file) return '';
  return d.line ? `${d.file}:${d.line}` : d.file;
}
