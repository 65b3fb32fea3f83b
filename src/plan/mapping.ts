/**
 * Map each finding to a transform: the config entry wins (`transform` + `options`, or
 * `manual: true`); otherwise the first transform whose `infer(finding)` answers, in
 * registry order (specific transforms before the generic code-block ones); otherwise manual.
 */
import type { FindingMapping, RemedyConfig } from '../config/load.js';
import { InputError } from '../core/errors.js';
import type { AnyTransform } from '../engine/contract.js';
import type { Finding } from '../findings/types.js';
import { configuredType } from './commit-message.js';

export type StepSource = 'config' | 'inferred';

export interface TransformStep {
  readonly kind: 'transform';
  readonly transform: AnyTransform;
  /** Raw options (validated when the step runs). */
  readonly options: Record<string, unknown>;
  readonly source: StepSource;
  /** Commit subject from config, else the transform's summary. */
  readonly subject: string;
  /** Commit type from config (the finding's entry, then `commitTypes`), else guessed at commit time. */
  readonly type?: string;
}

export interface ManualStep {
  readonly kind: 'manual';
  readonly reason: string;
}

export type Step = TransformStep | ManualStep;

export interface PlannedFinding {
  readonly finding: Finding;
  readonly step: Step;
}

/** The step for one finding. */
export function mapFinding(
  finding: Finding,
  config: RemedyConfig,
  transforms: readonly AnyTransform[],
): Step {
  const entry =
    config.findings.get(finding.id) ??
    finding.aliases.map((a) => config.findings.get(a)).find(Boolean);
  const step =
    entry && entry.kind !== 'subject'
      ? fromConfig(finding.id, entry, config, transforms)
      : withSubject(inferStep(finding, transforms), entry?.subject);
  if (step.kind !== 'transform') return step;
  const type =
    (entry && 'type' in entry ? entry.type : undefined) ??
    configuredType(finding, config.commitTypes);
  return type ? { ...step, type } : step;
}

function withSubject(step: Step, subject: string | undefined): Step {
  return subject && step.kind === 'transform' ? { ...step, subject } : step;
}

/** The first transform whose `infer` answers for the finding, else manual. */
function inferStep(finding: Finding, transforms: readonly AnyTransform[]): Step {
  for (const transform of transforms) {
    let options: unknown;
    try {
      options = transform.infer?.(finding);
    } catch (error) {
      throw new InputError(
        `inferring ${transform.id} for ${finding.id} failed: ${(error as Error).message}`,
        {
          location: { file: finding.doc, line: finding.line },
        },
      );
    }
    if (options !== undefined) {
      return {
        kind: 'transform',
        transform,
        options: options as Record<string, unknown>,
        source: 'inferred',
        subject: transform.summary,
      };
    }
  }
  return {
    kind: 'manual',
    reason: 'no transform recognises this finding; map it in remedy.config.json to automate it',
  };
}

function fromConfig(
  id: string,
  entry: Exclude<FindingMapping, { kind: 'subject' }>,
  config: RemedyConfig,
  transforms: readonly AnyTransform[],
): Step {
  if (entry.kind === 'manual')
    return { kind: 'manual', reason: entry.reason ?? 'marked manual in the config' };
  const transform = transforms.find((t) => t.id === entry.transform);
  if (!transform) {
    throw new InputError(
      `config "findings.${id}.transform": unknown transform "${entry.transform}"`,
      {
        ...(config.file ? { location: { file: config.file } } : {}),
        hint: `one of: ${transforms.map((t) => t.id).join(', ')}`,
      },
    );
  }
  return {
    kind: 'transform',
    transform,
    options: entry.options,
    source: 'config',
    subject: entry.subject ?? transform.summary,
  };
}

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return /[\s=]/.test(short) ? JSON.stringify(short) : short;
}

/** One-line description of a step's options (`renames=8, file=backend/...`). */
export function describeOptions(options: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) parts.push(`${key}=[${value.length}]`);
    else if (typeof value === 'object' && value !== null) parts.push(`${key}={…}`);
    else if (typeof value === 'string') parts.push(`${key}=${shorten(value)}`);
    else parts.push(`${key}=${String(value)}`);
  }
  return parts.join(' ');
}
