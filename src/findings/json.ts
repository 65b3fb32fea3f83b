/**
 * The stable `remedy findings --json` shape: `{ findings: FindingJson[], phases: [{ id, title,
 * findings }] }`; fields are only ever added (source, ruffCodes, ruffFix came later).
 */
import type { Finding, FindingJson, FindingsSet } from './types.js';

export interface FindingsJson {
  findings: FindingJson[];
  phases: { id: string; title: string; findings: string[] }[];
}

export function toFindingJson(f: Finding): FindingJson {
  return {
    id: f.id,
    title: f.title,
    severity: f.severity,
    priority: f.priority,
    category: f.category,
    status: f.status,
    files: [...f.files],
    symbols: [...f.symbols],
    dependsOn: [...f.dependsOn],
    phases: [...f.phases],
    aliases: [...f.aliases],
    doc: f.doc,
    line: f.line,
    source: f.source ?? 'heading',
    ruffCodes: [...(f.ruffCodes ?? [])],
    ruffFix: f.ruffFix ?? false,
  };
}

export function toFindingsJson(set: FindingsSet): FindingsJson {
  return {
    findings: set.findings.map(toFindingJson),
    phases: set.phases.map((p) => ({ id: p.id, title: p.title, findings: [...p.findings] })),
  };
}
