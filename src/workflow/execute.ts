/**
 * Run one finding's step against a store without writing: the engine's results turned
 * into a finding-level outcome. A finding is all or nothing: any failed file, a
 * refusal, or an internal error of the transform fails the whole finding (and only it).
 */
import type { RemedyConfig } from '../config/load.js';
import type { Diagnostic } from '../core/diagnostic.js';
import {
  errorStack,
  NotApplicableError,
  RefusalError,
  RemedyError,
  TransformCrash,
  UsageError,
} from '../core/errors.js';
import type { ChangedFile, FileResult } from '../core/result.js';
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

/** What a run said: per-file results, diagnostics about the run, unsafe fixes held back. */
interface Ran {
  readonly step: TransformStep;
  readonly results: readonly FileResult[];
  readonly diagnostics: readonly Diagnostic[];
  readonly heldBack: number;
}

export type FindingOutcome =
  | (Base & Ran & { readonly kind: 'changed'; readonly files: readonly ChangedFile[] })
  | (Base & Ran & { readonly kind: 'no-op' })
  | (Base & { readonly kind: 'manual'; readonly reason: string })
  | (Base & {
      readonly kind: 'failed';
      readonly step?: TransformStep;
      readonly reason: string;
      readonly results?: readonly FileResult[];
      readonly hint?: string;
      /** Why, in detail: a refusal's problems, or the diagnostics of the run. */
      readonly diagnostics?: readonly Diagnostic[];
      /** The stack of a transform's internal error (printed with `--debug`). */
      readonly stack?: string;
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
      allowUnsafe: opts.allowUnsafe || step.unsafe,
      format: opts.format,
      guard: opts.guard,
      config: opts.config,
      store,
    });
    const ran = {
      finding,
      step,
      results: outcome.results,
      diagnostics: outcome.diagnostics,
      heldBack: outcome.heldBack,
    };
    const failed = outcome.results.filter((r) => r.kind === 'failed');
    if (failed.length > 0) {
      const reason = failed
        .map((r) => `${r.path}: ${r.kind === 'failed' ? r.error : ''}`)
        .join('; ');
      return { kind: 'failed', ...ran, reason };
    }
    const files = outcome.results.filter((r): r is ChangedFile => r.kind === 'changed');
    return files.length === 0 ? { kind: 'no-op', ...ran } : { kind: 'changed', ...ran, files };
  } catch (error) {
    return failedOutcome(planned, step, error);
  }
}

/** A finding the step could not run for: manual, failed, or (bad options) a usage error. */
function failedOutcome(
  planned: PlannedFinding,
  step: TransformStep,
  error: unknown,
): FindingOutcome {
  const { finding } = planned;
  if (error instanceof NotApplicableError && step.source === 'inferred') {
    return { kind: 'manual', finding, reason: `not automated: ${error.message}` };
  }
  // Bad options are a usage problem (exit 2); anything else fails this finding only.
  if (!(error instanceof RemedyError) || error instanceof UsageError) throw error;
  const stack = error instanceof TransformCrash ? errorStack(error.cause) : undefined;
  return {
    kind: 'failed',
    finding,
    step,
    reason: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error instanceof RefusalError && error.summarized ? { diagnostics: error.problems } : {}),
    ...(stack ? { stack } : {}),
  };
}
