/**
 * What `remedy init` proposes for a repository: its audit documents, its test
 * command, and a remedy.config.json — the inferred mapping of every finding it can
 * automate (subject and type made explicit, so they can be edited), a `suggestions`
 * entry for every finding it cannot, and the verify command. Writes nothing.
 */
import { emptyConfig } from '../config/load.js';
import type { Finding } from '../findings/types.js';
import { commitType } from '../plan/commit-message.js';
import type { TransformCatalog } from '../plan/mapping.js';
import { findingCommits } from '../report/history.js';
import { nextStepFor } from '../report/next-step.js';
import { dryRunFindings } from '../workflow/dry-run.js';
import type { FindingOutcome } from '../workflow/execute.js';
import { openSession } from '../workflow/session.js';
import { candidateDocuments, confirmDocuments, type DocumentCandidate } from './documents.js';
import { findTestCommand, type TestCommand } from './test-command.js';

export interface FindingProposal {
  readonly id: string;
  /** `automated` (a transform maps it) or `manual` (a suggestion instead). */
  readonly kind: 'automated' | 'manual';
  readonly transform: string | null;
  readonly reason: string | null;
}

export interface InitProposal {
  readonly root: string;
  readonly documents: readonly DocumentCandidate[];
  readonly verify: TestCommand | null;
  readonly findings: readonly FindingProposal[];
  readonly config: Record<string, unknown>;
}

export const INIT_COMMENT =
  'Written by remedy init. "findings": the inferred mapping of each finding it can automate (edit "subject" or "type", or give {"transform", "options"}); "suggestions": what to do about the others (read by people only; move an "entry" into "findings" to use it).';

type Entry = Record<string, unknown>;

function automatedEntry(finding: Finding, outcome: FindingOutcome): Entry | undefined {
  if (outcome.kind !== 'changed' && outcome.kind !== 'no-op') return undefined;
  const now =
    outcome.kind === 'changed'
      ? `${outcome.files.length} file(s) to change`
      : 'nothing to change now';
  return {
    subject: outcome.step.subject,
    type: commitType(finding),
    $comment: `inferred: ${outcome.step.transform.id} (${now})`,
  };
}

function suggestion(finding: Finding, outcome: FindingOutcome): Entry | undefined {
  if (outcome.kind !== 'manual' && outcome.kind !== 'failed') return undefined;
  const transform = 'step' in outcome && outcome.step ? outcome.step.transform.id : undefined;
  const next = nextStepFor(finding, {
    configured: false,
    ...(transform ? { notApplicable: transform } : {}),
  });
  return { reason: outcome.reason, next: next.text, ...(next.entry ? { entry: next.entry } : {}) };
}

/** The findings part of the proposal: entries, suggestions, and a line per finding. */
function mapFindings(outcomes: readonly FindingOutcome[]) {
  const findings: Record<string, Entry> = {};
  const suggestions: Record<string, Entry> = {};
  const proposals: FindingProposal[] = [];
  for (const outcome of outcomes) {
    const { finding } = outcome;
    const entry = automatedEntry(finding, outcome);
    const suggested = entry ? undefined : suggestion(finding, outcome);
    if (entry) findings[finding.id] = entry;
    if (suggested) suggestions[finding.id] = suggested;
    if (!entry && !suggested) continue;
    proposals.push({
      id: finding.id,
      kind: entry ? 'automated' : 'manual',
      transform: 'step' in outcome && outcome.step ? outcome.step.transform.id : null,
      reason: 'reason' in outcome ? outcome.reason : null,
    });
  }
  return { findings, suggestions, proposals };
}

export async function proposeConfig(
  root: string,
  catalog: TransformCatalog,
  onProgress?: (what: string) => void,
): Promise<InitProposal> {
  onProgress?.('looking for audit documents');
  const documents = await confirmDocuments(root, candidateDocuments(root));
  const docs = documents.filter((d) => !d.rejected).map((d) => d.path);
  const verify = findTestCommand(root) ?? null;
  let mapped: ReturnType<typeof mapFindings> = { findings: {}, suggestions: {}, proposals: [] };
  if (docs.length > 0) {
    const config = emptyConfig(root);
    const session = await openSession(root, config, docs, catalog);
    onProgress?.(`trying the transforms on ${session.set.findings.length} finding(s)`);
    const applied = new Map([...findingCommits(root)].map(([id, c]) => [id, c.hash]));
    const outcomes = await dryRunFindings(session, session.set.findings, {
      config,
      format: false,
      guard: true,
      allowUnsafe: false,
      applied,
    });
    mapped = mapFindings(outcomes);
  }
  const config: Record<string, unknown> = {
    $comment: INIT_COMMENT,
    docs,
    ...(verify ? { verify: verify.command } : {}),
    findings: mapped.findings,
    suggestions: mapped.suggestions,
  };
  return { root, documents, verify, findings: mapped.proposals, config };
}
