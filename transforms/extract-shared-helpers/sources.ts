/**
 * What each source module loses and gains: the replaced copies are deleted, with the
 * constants, functions and imports only they used; the shared helper is imported
 * where something still uses the old copy (`from m import new`, or `new as old` when
 * call sites are kept); in rename mode every use across the project is renamed
 * (rename-symbols' planner); calls of copies whose behaviour is not the merged
 * default pass the parameter.
 */
import { Edit } from '../../src/core/edit.js';
import type { ImportRequest } from '../../src/python/import-edits.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { findSymbolUses } from '../../src/python/project/references.js';
import { type PlanNote, planRename } from '../../src/python/project/rename/plan.js';
import type { Binding } from '../../src/python/project/scope-types.js';
import {
  definitionDeletionRange,
  importsLeftUnused,
  insideAny,
  isReferencedOutside,
  mergeLineDeletions,
  type Range,
  removeImportBindings,
} from '../../src/python/removal.js';
import type { GroupPlan } from './classify.js';
import type { Copy } from './copies.js';
import type { DependencyResolver } from './dependencies.js';
import { callArgumentEdit, callOf } from './parameter.js';

/** A note or problem with its stable code (`extract/...`, or the rename planner's `rename/...`). */
export type SourceNote = PlanNote;

export interface SourcePlan {
  readonly edits: Map<string, Edit[]>;
  readonly imports: Map<string, ImportRequest[]>;
  /** Ranges each file loses (renames inside them are dropped). */
  readonly removed: Map<string, Range[]>;
  readonly problems: SourceNote[];
  readonly warnings: SourceNote[];
  readonly infos: SourceNote[];
}

export interface SourceSettings {
  readonly project: PythonProject;
  readonly resolver: DependencyResolver;
  readonly target: string;
  readonly targetModule: string;
  readonly callSites: 'rename' | 'keep';
}

function push<T>(map: Map<string, T[]>, path: string, ...items: T[]): void {
  map.set(path, [...(map.get(path) ?? []), ...items]);
}

/** Whether other modules (or strings, `__all__`) reach `name` of `path`. */
function isExposed(project: PythonProject, path: string, name: string): boolean {
  const uses = findSymbolUses(project, { path, name });
  return (
    uses.imports.length + uses.attributes.length + uses.strings.length + uses.starImports.length > 0
  );
}

class SourcePlanner {
  readonly plan: SourcePlan = {
    edits: new Map(),
    imports: new Map(),
    removed: new Map(),
    problems: [],
    warnings: [],
    infos: [],
  };

  constructor(private readonly s: SourceSettings) {}

  private text(path: string): string {
    return this.s.project.text(path) ?? '';
  }

  private definitionBinding(copy: Copy): Binding {
    return this.s.resolver.analysis(copy.path).globalBindings(copy.name)[0]!;
  }

  /** Delete the replaced copies of one source and what only they used. */
  removeFromSource(path: string, copies: readonly Copy[]): void {
    const text = this.text(path);
    const ranges = copies.map((c) => definitionDeletionRange(text, c.statement));
    const candidates = copies.flatMap((c) => this.s.resolver.closure(path, c.statement));
    const removedNames = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const dep of candidates) {
        if (dep.kind !== 'definition' || removedNames.has(dep.name)) continue;
        if (isReferencedOutside(dep.binding, ranges)) continue;
        if (isExposed(this.s.project, path, dep.name)) continue;
        ranges.push(definitionDeletionRange(text, dep.statement));
        removedNames.add(dep.name);
        changed = true;
      }
    }
    const unused = importsLeftUnused(this.s.resolver.analysis(path), ranges);
    const deletions = ranges.map((r) => Edit.delete(r.start, r.end));
    const edits = mergeLineDeletions(text, [...deletions, ...removeImportBindings(text, unused)]);
    push(this.plan.edits, path, ...edits);
    push(this.plan.removed, path, ...ranges);
    for (const name of removedNames) {
      this.plan.infos.push({
        code: 'extract/removed-dependency',
        message: `removed \`${name}\`: only the moved helpers used it`,
        path,
      });
    }
  }

  /** Import the shared helper where the old copy is still used, and rename its uses. */
  redirect(copy: Copy, to: string): void {
    const ranges = this.plan.removed.get(copy.path) ?? [];
    const binding = this.definitionBinding(copy);
    const used = isReferencedOutside(binding, ranges);
    const exposed = isExposed(this.s.project, copy.path, copy.name);
    if (!used && !exposed) return;
    const keep = this.s.callSites === 'keep' && copy.name !== to;
    push(this.plan.imports, copy.path, {
      module: this.s.targetModule,
      name: to,
      ...(keep ? { alias: copy.name } : {}),
    });
    if (!keep && copy.name !== to) this.rename(copy.path, copy.name, to);
  }

  /** Rename `from` -> `to` across the project (the definition itself included). */
  rename(path: string, from: string, to: string): void {
    const plan = planRename(this.s.project, { file: path, from, to }, 'refuse');
    for (const p of plan.problems)
      this.plan.problems.push({ ...p, message: `${plan.label}: ${p.message}` });
    for (const c of plan.collisions) {
      const message = `${plan.label}: ${c.message}`;
      this.plan.problems.push({ code: c.code, message, path: c.path, line: c.line });
    }
    for (const w of plan.warnings) this.plan.warnings.push(w);
    for (const [file, edits] of plan.edits) push(this.plan.edits, file, ...edits);
  }

  /** Calls of a copy whose behaviour is not the default pass the parameter. */
  passParameter(copy: Copy, parameter: string, value: boolean): void {
    const ranges = this.plan.removed.get(copy.path) ?? [];
    const uses = findSymbolUses(this.s.project, { path: copy.path, name: copy.name });
    const callees = [
      ...uses.names
        .filter((u) => u.path !== copy.path || !insideAny(u.reference.start, ranges))
        .map((u) => ({ path: u.path, node: u.reference.node })),
      ...uses.attributes.map((u) => ({ path: u.path, node: u.node.parent ?? u.node })),
    ];
    const argument = `${parameter}=${value ? 'True' : 'False'}`;
    for (const { path, node } of callees) {
      const call = callOf(node);
      const args = call?.childForFieldName('arguments');
      if (!call || args?.type !== 'argument_list') {
        const line = node.startPosition.row + 1;
        this.plan.problems.push({
          code: 'extract/uncallable-use',
          message: `\`${copy.name}\` is used without a call at ${path}:${line}: cannot pass \`${argument}\` there`,
          path,
          line,
        });
        continue;
      }
      push(this.plan.edits, path, callArgumentEdit(call, parameter, value, this.text(path)));
    }
  }

  /** Drop renames inside removed ranges (the code they touch is gone). */
  finish(): SourcePlan {
    for (const [path, edits] of this.plan.edits) {
      const ranges = this.plan.removed.get(path) ?? [];
      const kept = edits.filter(
        (e) => e.text === '' || !ranges.some((r) => e.start >= r.start && e.end <= r.end),
      );
      this.plan.edits.set(path, kept);
    }
    return this.plan;
  }
}

/** Plan the source side of every helper group. */
export function planSources(settings: SourceSettings, plans: readonly GroupPlan[]): SourcePlan {
  const planner = new SourcePlanner(settings);
  const replaced = new Map<string, Copy[]>();
  for (const plan of plans) {
    for (const copy of plan.shared) {
      if (copy.path !== settings.target) push(replaced, copy.path, copy);
    }
  }
  for (const [path, copies] of replaced) planner.removeFromSource(path, copies);
  for (const plan of plans) {
    for (const copy of plan.shared) {
      if (copy.path !== settings.target) planner.redirect(copy, plan.group.to);
      else if (copy.name !== plan.group.to) planner.rename(copy.path, copy.name, plan.group.to);
    }
    const merge = plan.merge;
    if (merge) {
      for (const copy of merge.passing)
        planner.passParameter(copy, merge.parameter, !merge.defaultValue);
    }
  }
  return planner.finish();
}
