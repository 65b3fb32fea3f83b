/**
 * Run one finding's step against a store without writing: the engine's results turned
 * into a finding-level outcome. A finding is all or nothing: any failed file, or a
 * refusal, fails the whole finding.
 */
import type { RemedyConfig } from '../config/load.js';
import { NotApplicableError, RemedyError, UsageError } from '../core/errors.js';
import type { ChangedFile, FileResult } from '../core/result.js';
import type { ProjectNote } from '../engine/project-context.js';
import { runTransform } from '../engine/run.js';
import type { SourceStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import type { PlannedFinding, TransformStep } from '../plan/mapping.js';
import { stepPaths } from '../plan/paths.js';

export interface ExecuteOptions {
  readonly config: RemedyConfig;
  readonly format: boolean;
  readonly guard: boolean;
  readonly allowUnsafe: boolean;
}

interface Base {
  readonly finding: Finding;
}

export type FindingOutcome =
  | (Base & {
      readonly kind: 'changed';
      readonly step: TransformStep;
      readonly files: readonly ChangedFile[];
      readonly results: readonly FileResult[];
      readonly notes: readonly ProjectNote[];
    })
  | (Base & {
      readonly kind: 'no-op';
      readonly step: TransformStep;
      readonly results: readonly FileResult[];
      readonly notes: readonly ProjectNote[];
    })
  | (Base & { readonly kind: 'manual'; readonly reason: string })
  | (Base & {
      readonly kind: 'failed';
      readonly step?: TransformStep;
      readonly reason: string;
      readonly results?: readonly FileResult[];
      readonly hint?: string;
    })
  | (Base & { readonly kind: 'already-applied'; readonly commit: string })
  | (Base & { readonly kind: 'resolved-in-doc' })
  | (Base & { readonly kind: 'blocked'; readonly reason: string });

/** Simulate a finding's step on `store`; nothing is written. */
export async function executeFinding(
  planned: PlannedFinding,
  store: SourceStore,
  opts: ExecuteOptions,
): Promise<FindingOutcome> {
  const { finding, step } = planned;
  if (step.kind === 'manual') return { kind: 'manual', finding, reason: step.reason };
  try {
    const outcome = await runTransform({
      root: store.root,
      transform: step.transform,
      transformModule: step.module,
      options: step.options,
      paths: stepPaths(finding, step.transform, (p) => store.exists(p)),
      allowUnsafe: opts.allowUnsafe,
      format: opts.format,
      guard: opts.guard,
      config: opts.config,
      store,
    });
    const failed = outcome.results.filter((r) => r.kind === 'failed');
    if (failed.length > 0) {
      const reason = failed
        .map((r) => `${r.path}: ${r.kind === 'failed' ? r.error : ''}`)
        .join('; ');
      return { kind: 'failed', finding, step, reason, results: outcome.results };
    }
    const files = outcome.results.filter((r): r is ChangedFile => r.kind === 'changed');
    if (files.length === 0)
      return { kind: 'no-op', finding, step, results: outcome.results, notes: outcome.notes };
    return {
      kind: 'changed',
      finding,
      step,
      files,
      results: outcome.results,
      notes: outcome.notes,
    };
  } catch (error) {
    if (error instanceof NotApplicableError && step.source === 'inferred') {
      return { kind: 'manual', finding, reason: `not automated: ${error.message}` };
    }
    // Bad options are a usage problem (exit 2); anything else fails this finding only.
    if (error instanceof RemedyError && !(error instanceof UsageError)) {
      return {
        kind: 'failed',
        finding,
        step,
        reason: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
      };
    }
    throw error;
  }
}
