/**
 * What a workflow command works from: the repository, its config, the findings of
 * the documents, the transform catalog, and each finding's planned step.
 */
import path from 'node:path';
import { checkConfigFindingIds } from '../config/finding-ids.js';
import type { RemedyConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { findFinding, findPhase, readFindings } from '../findings/index.js';
import type { Finding, FindingsSet, Phase } from '../findings/types.js';
import { mapFinding, type PlannedFinding, type TransformCatalog } from '../plan/mapping.js';
import { dependencyOrder } from '../plan/order.js';

export interface Session {
  readonly root: string;
  readonly config: RemedyConfig;
  readonly set: FindingsSet;
  readonly byId: ReadonlyMap<string, Finding>;
  readonly catalog: TransformCatalog;
  /** The finding's step (mapped once, then cached; loads the transform it maps to). */
  plan(finding: Finding): Promise<PlannedFinding>;
}

export async function openSession(
  root: string,
  config: RemedyConfig,
  docs: readonly string[],
  catalog: TransformCatalog,
): Promise<Session> {
  if (docs.length === 0) {
    throw new UsageError('no audit document given', {
      hint: 'pass --doc FILE, or list documents under "docs" in remedy.config.json',
    });
  }
  const set = await readFindings(docs, { baseDir: root });
  const byId = new Map(set.findings.map((f) => [f.id, f]));
  if (readsConfigDocs(root, config, docs))
    checkConfigFindingIds(config, new Set(set.findings.flatMap((f) => [f.id, ...f.aliases])));
  const cache = new Map<string, Promise<PlannedFinding>>();
  return {
    root,
    config,
    set,
    byId,
    catalog,
    plan(finding) {
      let planned = cache.get(finding.id);
      if (!planned) {
        planned = mapFinding(finding, config, catalog).then((step) => ({ finding, step }));
        cache.set(finding.id, planned);
      }
      return planned;
    },
  };
}

/**
 * Whether every document the config lists is read: only then can a config finding ID
 * that matches nothing be called a typo (`--doc other.md` reads another audit).
 */
function readsConfigDocs(root: string, config: RemedyConfig, docs: readonly string[]): boolean {
  const read = new Set(docs.map((d) => path.resolve(root, d)));
  return config.docs.every((d) => read.has(path.resolve(root, d)));
}

export interface Selection {
  readonly findings: readonly Finding[];
  readonly phase: Phase | undefined;
}

/**
 * Findings named by ID (or alias), or those of a phase, in dependency order — or,
 * with `ignoreDeps`, in the order given (so a dependency cycle can be run by ID).
 */
export function selectFindings(
  session: Session,
  ids: readonly string[],
  phaseQuery: string | undefined,
  opts: { readonly ignoreDeps?: boolean } = {},
): Selection {
  if (ids.length > 0 && phaseQuery) throw new UsageError('give finding IDs or --phase, not both');
  let phase: Phase | undefined;
  let wanted: string[];
  if (phaseQuery) {
    phase = findPhase(session.set, phaseQuery);
    if (!phase) {
      const known = session.set.phases.map((p) => `${p.id} (${p.title})`).join(', ');
      throw new UsageError(`unknown phase "${phaseQuery}"`, {
        hint: known ? `phases: ${known}` : 'the documents define no phases',
      });
    }
    wanted = [...phase.findings];
  } else if (ids.length > 0) {
    wanted = ids.map((id) => {
      const found = findFinding(session.set, id);
      if (!found)
        throw new UsageError(`unknown finding "${id}"`, {
          hint: 'run "remedy findings" to list the IDs',
        });
      return found.id;
    });
  } else {
    wanted = session.set.findings.map((f) => f.id);
  }
  const unique = [...new Set(wanted)].filter((id) => session.byId.has(id));
  const ordered = opts.ignoreDeps ? unique : dependencyOrder(unique, session.byId);
  return { findings: ordered.map((id) => session.byId.get(id)!), phase };
}
