/**
 * Finding and phase lookup for commands: `findFinding(set, 'IMP-013')` follows aliases;
 * `findPhase(set, '2' | 'phase-2' | 'Persistence lifecycle')` accepts id, number or title.
 */
import { UsageError } from '../core/errors.js';
import { parseGroupLabel } from './labels.js';
import type { Finding, FindingsSet, Phase } from './types.js';

/** The finding with this ID (case-insensitive), else the one listing it as an alias. */
export function findFinding(set: FindingsSet, id: string): Finding | undefined {
  const q = id.trim().toUpperCase();
  return (
    set.findings.find((f) => f.id.toUpperCase() === q) ??
    set.findings.find((f) => f.aliases.some((a) => a.toUpperCase() === q))
  );
}

export function getFindingOrThrow(set: FindingsSet, id: string): Finding {
  const found = findFinding(set, id);
  if (found) return found;
  const near = set.findings
    .map((f) => f.id)
    .filter((f) => f.toUpperCase().startsWith(id.trim().toUpperCase().replace(/\d+$/, '')));
  throw new UsageError(`unknown finding ID: ${id}`, {
    hint:
      near.length > 0
        ? `IDs in the document include ${near.slice(0, 8).join(', ')}`
        : 'run "remedy findings <doc>" to list the IDs',
  });
}

/** Which numbered kinds `--phase 2` means, in order of preference. */
const NUMBER_KINDS = [
  'phase',
  'step',
  'tier',
  'sprint',
  'week',
  'stage',
  'wave',
  'milestone',
  'month',
  'iteration',
];

/** The phase with this id, number (`2` -> phase-2, else step-2, tier-2...), or title (case-insensitive). */
export function findPhase(set: FindingsSet, query: string | number): Phase | undefined {
  const q = String(query).trim().toLowerCase();
  const byId = (id: string) => set.phases.find((p) => p.id.toLowerCase() === id);
  const direct = byId(q) ?? byId(parseGroupLabel(q)?.id ?? '');
  if (direct) return direct;
  if (/^\d+$/.test(q)) {
    for (const kind of NUMBER_KINDS) {
      const found = byId(`${kind}-${q}`);
      if (found) return found;
    }
    return byId(`p${q}`);
  }
  return set.phases.find((p) => titleForms(p.title).includes(q));
}

export function getPhaseOrThrow(set: FindingsSet, query: string | number): Phase {
  const found = findPhase(set, query);
  if (found) return found;
  throw new UsageError(`unknown phase: ${query}`, {
    hint:
      set.phases.length > 0
        ? `phases: ${set.phases.map((p) => p.id).join(', ')}`
        : 'the documents define no phases',
  });
}

/** `Phase 2: Persistence lifecycle (the cluster)` -> the whole title, `persistence lifecycle (the cluster)`, `persistence lifecycle`. */
function titleForms(title: string): string[] {
  const full = title.trim().toLowerCase();
  const described = full.replace(/^([a-z]+\s*\d+|p\d)\s*(:|--|—|–|-)\s*/, '');
  return [full, described, described.replace(/\s*\([^)]*\)\s*$/, '')];
}
