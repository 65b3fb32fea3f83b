/**
 * Map each finding to a transform: the config entry wins (`transform` + `options`, or
 * `manual: true`); otherwise the first recognizer whose `infer(finding)` answers, in
 * their order (specific transforms before the generic code-block ones); otherwise manual.
 */
import type { FindingMapping, RemedyConfig } from '../config/load.js';
import { InputError } from '../core/errors.js';
import type { AnyTransform, LoadedTransform } from '../engine/contract.js';
import type { Finding } from '../findings/types.js';
import { configuredType } from './commit-message.js';
import type { AnyRecognizer } from './recognizer.js';

/**
 * What the planner can map findings to: the transforms (by id, each module loaded only
 * when a finding maps to it: a plan of one Python finding never loads ts-morph) and
 * their recognizers.
 */
export interface TransformCatalog {
  /** Every transform id, in registry order. */
  readonly ids: readonly string[];
  /** In the order inference tries them. */
  readonly recognizers: readonly AnyRecognizer[];
  /** The transform of one of `ids` (its module imported on first use, then cached). */
  load(id: string): Promise<LoadedTransform>;
}

export type StepSource = 'config' | 'inferred';

export interface TransformStep {
  readonly kind: 'transform';
  readonly transform: AnyTransform;
  /** URL of the transform's module (worker threads load it from there). */
  readonly module: string;
  /** Raw options (validated when the step runs). */
  readonly options: Record<string, unknown>;
  readonly source: StepSource;
  /** Commit subject from config, else the transform's summary. */
  readonly subject: string;
  /** Commit type from config (the finding's entry, then `commitTypes`), else guessed at commit time. */
  readonly type?: string;
  /** The config entry allows the transform's unsafe fixes (`"unsafe": true`). */
  readonly unsafe: boolean;
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
export async function mapFinding(
  finding: Finding,
  config: RemedyConfig,
  catalog: TransformCatalog,
): Promise<Step> {
  const entry =
    config.findings.get(finding.id) ??
    finding.aliases.map((a) => config.findings.get(a)).find(Boolean);
  const step =
    entry && entry.kind !== 'subject'
      ? await fromConfig(finding.id, entry, config, catalog)
      : withEntry(await inferStep(finding, catalog), entry);
  if (step.kind !== 'transform') return step;
  const type =
    (entry && 'type' in entry ? entry.type : undefined) ??
    configuredType(finding, config.commitTypes);
  return type ? { ...step, type } : step;
}

/** An inferred step with what the finding's entry changes: the subject, unsafe fixes. */
function withEntry(
  step: Step,
  entry: Extract<FindingMapping, { kind: 'subject' }> | undefined,
): Step {
  if (!entry || step.kind !== 'transform') return step;
  return { ...step, subject: entry.subject ?? step.subject, unsafe: entry.unsafe };
}

/**
 * The first recognizer whose `infer` answers for the finding, else manual: with the
 * reason a recognizer declines it for, or the generic one.
 */
async function inferStep(finding: Finding, catalog: TransformCatalog): Promise<Step> {
  for (const recognizer of catalog.recognizers) {
    let options: unknown;
    try {
      options = recognizer.infer(finding);
    } catch (error) {
      throw new InputError(
        `inferring ${recognizer.transform} for ${finding.id} failed: ${(error as Error).message}`,
        {
          location: { file: finding.doc, line: finding.line },
        },
      );
    }
    if (options !== undefined) {
      const { transform, module } = await catalogEntry(catalog, recognizer.transform);
      return {
        kind: 'transform',
        transform,
        module,
        options: options as Record<string, unknown>,
        source: 'inferred',
        subject: transform.summary,
        unsafe: false,
      };
    }
  }
  const declined = catalog.recognizers.map((r) => r.decline?.(finding)).find(Boolean);
  return {
    kind: 'manual',
    reason:
      declined ??
      'no transform recognises this finding; map it in remedy.config.json to automate it',
  };
}

async function fromConfig(
  id: string,
  entry: Exclude<FindingMapping, { kind: 'subject' }>,
  config: RemedyConfig,
  catalog: TransformCatalog,
): Promise<Step> {
  if (entry.kind === 'manual')
    return { kind: 'manual', reason: entry.reason ?? 'marked manual in the config' };
  if (!catalog.ids.includes(entry.transform)) {
    throw new InputError(
      `config "findings.${id}.transform": unknown transform "${entry.transform}"`,
      {
        ...(config.file ? { location: { file: config.file } } : {}),
        hint: `one of: ${catalog.ids.join(', ')}`,
      },
    );
  }
  const { transform, module } = await catalog.load(entry.transform);
  return {
    kind: 'transform',
    transform,
    module,
    options: entry.options,
    source: 'config',
    subject: entry.subject ?? transform.summary,
    unsafe: entry.unsafe,
  };
}

/** The catalog's transform of a recognizer (a recognizer without its transform is a bug). */
function catalogEntry(catalog: TransformCatalog, id: string): Promise<LoadedTransform> {
  if (!catalog.ids.includes(id))
    throw new Error(`recognizer for "${id}" has no transform in the catalog`);
  return catalog.load(id);
}

/** `catalog` with `extra` transforms added (tests and embedders bring their own). */
export function withTransforms(
  catalog: TransformCatalog,
  extra: readonly LoadedTransform[],
): TransformCatalog {
  const byId = new Map(extra.map((t) => [t.transform.id, t]));
  return {
    ids: [...catalog.ids, ...byId.keys()],
    recognizers: catalog.recognizers,
    load: (id) => {
      const own = byId.get(id);
      return own ? Promise.resolve(own) : catalog.load(id);
    },
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
