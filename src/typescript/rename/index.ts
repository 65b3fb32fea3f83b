/**
 * The TypeScript/JavaScript rename planner: top-level declarations (functions,
 * components, classes, types, interfaces, enums, constants) renamed project-wide —
 * the declaration, every import (aliases kept: `{ Foo as X }` stays `X`), re-exports
 * and `export *` importers, default imports named like the default export, JSX tags,
 * namespace member uses, shorthand object keys (the key is kept), and `vi.mock` /
 * `jest.mock` factory keys and `spyOn` strings that name the module's export.
 * Collisions are resolved per file (collisions.ts) and each resolution is reported; a
 * rename that cannot be made is left undone with the reason while the others go ahead
 * (a partial plan); a document wrong about the code (no such name) is said so.
 * Pure: reads the project view, returns a TsPlan.
 */
import { compareEdits, type Edit, editsConflict } from '../../core/edit.js';
import type { PlanDiagnostic, PlanRefusal, TsPlan } from '../plan.js';
import { refusedPlan } from '../plan.js';
import type { TsProjectView } from '../project.js';
import { expandAffix } from './affix.js';
import { resolveCollisions } from './collisions.js';
import { siteEdit } from './edits.js';
import { exportClash, stringMentions } from './exports.js';
import { type Definition, locateDefinition } from './locate.js';
import { mockRenames } from './mocks.js';
import type { TsRenameOptions, TsRenameRequest } from './options.js';
import { classify, findSites } from './sites.js';

export type { TsRenameOptions, TsRenameRequest } from './options.js';
export { tsRenameOptionsSchema } from './options.js';

interface OneRename {
  readonly edits: Map<string, Edit[]>;
  readonly diagnostics: PlanDiagnostic[];
}

/** Two requests that rename one name twice, or give two names the same new name. */
function crossProblems(renames: readonly TsRenameRequest[]): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  const froms = new Set(renames.map((r) => r.from));
  const tos = new Map<string, string>();
  for (const r of renames) {
    if (froms.has(r.to)) {
      out.push({
        code: 'rename/chain',
        message: `\`${r.from}\` -> \`${r.to}\` renames to a name another rename renames away`,
        hint: 'make chained or swapped renames in two findings',
      });
    }
    const other = tos.get(r.to);
    if (other !== undefined && other !== r.from) {
      out.push({
        code: 'rename/same-target',
        message: `\`${other}\` and \`${r.from}\` would both become \`${r.to}\``,
      });
    }
    tos.set(r.to, r.from);
  }
  return out;
}

/** Plan every rename of the options over the project. */
export function planTsRename(view: TsProjectView, options: TsRenameOptions): TsPlan {
  const diagnostics: PlanDiagnostic[] = [];
  const renames = [...options.renames];
  if (options.affix) {
    const expanded = expandAffix(view, options.affix);
    renames.push(...expanded.renames);
    diagnostics.push(...expanded.diagnostics);
  }
  const cross = crossProblems(renames);
  if (cross.length > 0) return refusedPlan(cross);
  const edits = new Map<string, Edit[]>();
  let planned = 0;
  for (const req of renames) {
    const one = planRequest(view, req, options);
    diagnostics.push(...one.diagnostics);
    if (one.diagnostics.some((d) => d.undone)) continue;
    planned++;
    for (const [file, list] of one.edits) edits.set(file, [...(edits.get(file) ?? []), ...list]);
  }
  const undone = diagnostics.filter((d) => d.undone);
  const refused =
    planned === 0 ||
    (options.collisions === 'refuse' && undone.some((d) => d.code === 'rename/collision'));
  if (refused) return refusedPlan(undone.map(({ severity: _s, undone: _u, ...r }) => r));
  return { edits: settle(edits), create: new Map(), delete: [], diagnostics, refusals: [] };
}

/** One request: located, then planned (or already made, or impossible). */
function planRequest(
  view: TsProjectView,
  req: TsRenameRequest,
  options: TsRenameOptions,
): OneRename {
  const located = locateDefinition(view, req);
  if (located.kind === 'problem') return { edits: new Map(), diagnostics: [located.diagnostic] };
  if (located.kind === 'done') {
    const message = `\`${req.from}\` is already \`${req.to}\` in ${located.file}`;
    const done = {
      severity: 'info',
      code: 'rename/already-done',
      message,
      file: located.file,
    } as const;
    return { edits: new Map(), diagnostics: [done] };
  }
  return planOne(view, located.definition, req.to, options);
}

/** Sorted, deduplicated edits per file; overlapping edits are a planner bug. */
function settle(edits: Map<string, Edit[]>): Map<string, Edit[]> {
  const out = new Map<string, Edit[]>();
  for (const [file, list] of edits) {
    const sorted = [...list].sort(compareEdits);
    const kept: Edit[] = [];
    for (const e of sorted) {
      const last = kept[kept.length - 1];
      if (last && last.start === e.start && last.end === e.end && last.text === e.text) continue;
      if (last && editsConflict(last, e)) {
        throw new Error(
          `rename planned overlapping edits in ${file} at ${last.start} and ${e.start}`,
        );
      }
      kept.push(e);
    }
    if (kept.length > 0) out.set(file, kept);
  }
  return out;
}

/** One rename: its edits per file, or its reason to be left undone. */
function planOne(
  view: TsProjectView,
  def: Definition,
  to: string,
  options: TsRenameOptions,
): OneRename {
  const from = def.name.text;
  const clash = exportClash(view, def, to);
  if (clash) return { edits: new Map(), diagnostics: [clash] };
  const files = findSites(view, def);
  const mocks = mockRenames(view, def, to);
  const ctx = { from, to, definitionFile: def.file, options };
  const edits = new Map<string, Edit[]>();
  const diagnostics: PlanDiagnostic[] = [];
  for (const fs of files) {
    const res = resolveCollisions(fs, ctx);
    if (res.blocked) return { edits: new Map(), diagnostics: [res.blocked] };
    diagnostics.push(...res.diagnostics);
    const list = fs.sites.map((s) => {
      const local = (s.binding && res.locals.get(s.binding)) ?? to;
      const keyRenamed = mocks.exportKeys.has(`${fs.file}:${s.node.getStart(fs.sourceFile)}`);
      return siteEdit(s.kind, s.node, local, to, keyRenamed);
    });
    for (const m of res.makeRoom) {
      for (const id of [m.binding.name, ...m.uses])
        list.push(siteEdit(classify(id), id, m.to, m.binding.name.text));
    }
    edits.set(fs.file, list);
  }
  for (const [file, list] of mocks.edits) edits.set(file, [...(edits.get(file) ?? []), ...list]);
  const handled = new Set([...mocks.edits].flatMap(([f, l]) => l.map((e) => `${f}:${e.start}`)));
  const scanned = [...files, ...mocks.scanned.filter((m) => !files.some((f) => f.file === m.file))];
  diagnostics.push(...stringMentions(scanned, from, handled));
  return { edits, diagnostics };
}
