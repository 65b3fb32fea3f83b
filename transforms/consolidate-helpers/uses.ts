/**
 * Point the uses of a helper copy at the new function, across the project: calls and
 * other reads in its module and in the modules that import it (which then import the
 * new function from its module instead), `module.copy` attribute reads,
 * `mock.patch("pkg.module.copy")` strings. A copy whose every use moved is deleted with
 * the imports only it used; a copy some use of which stays (a call that is not proven
 * equivalent, a dynamic use) stays too, and the plan says why.
 */
import { Edit } from '../../src/core/edit.js';
import { importsReadIn } from '../../src/python/call-site-edits.js';
import type { PlanBuilder } from '../../src/python/change-plan.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { findSymbolUses, type NameUse } from '../../src/python/project/references.js';
import { definitionDeletionRange } from '../../src/python/removal.js';
import type { Verdict } from './equivalence.js';
import type { Copy, NewFunction } from './spec.js';

export interface Destination {
  readonly path: string;
  readonly module: string;
  readonly fn: NewFunction;
}

/** The call a name use is the callee of, if it is one. */
export function callOf(use: NameUse): Node | undefined {
  const node = use.reference.node;
  const parent = node.parent;
  return parent?.type === 'call' && parent.childForFieldName('function')?.id === node.id
    ? parent
    : undefined;
}

function line(node: Node): number {
  return node.startPosition.row + 1;
}

/** Whether `path` binds the new function's name to something else. */
function nameTaken(project: PythonProject, path: string, dest: Destination): boolean {
  if (path === dest.path) return false;
  const bindings = project.analysis(path)?.globalBindings(dest.fn.name) ?? [];
  return bindings.some((b) => project.importTarget(path, b) !== `${dest.module}.${dest.fn.name}`);
}

/**
 * Move the uses of `copy`; `verdictFor` decides each call (a non-call use moves only when
 * the copy is equivalent in general). Returns whether the copy was deleted.
 */
export function moveUses(
  project: PythonProject,
  copy: Copy,
  dest: Destination,
  general: Verdict,
  verdictFor: (call: Node, path: string) => Verdict,
  plan: PlanBuilder,
): boolean {
  const uses = findSymbolUses(project, { path: copy.file, name: copy.name });
  const needsImport = new Set<string>();
  let kept = 0;
  const keep = (path: string, at: Node, why: string) => {
    kept++;
    plan.undone(
      'consolidate-helpers/use-kept',
      `\`${copy.name}\` at ${path}:${line(at)} stays: ${why}`,
      { file: path, line: line(at) },
    );
  };
  for (const use of uses.names) {
    if (use.path === copy.file && inside(use.reference.node, copy.def)) continue;
    const call = callOf(use);
    const verdict = call ? verdictFor(call, use.path) : general;
    if (verdict.kind === 'different') {
      keep(
        use.path,
        use.reference.node,
        call
          ? verdict.why
          : `it is not called there and \`${copy.name}\` is not \`${dest.fn.name}\`: ${verdict.why}`,
      );
      continue;
    }
    if (nameTaken(project, use.path, dest)) {
      keep(
        use.path,
        use.reference.node,
        `${use.path} already binds \`${dest.fn.name}\` to something else`,
      );
      continue;
    }
    plan.edit(use.path, Edit.replace(use.reference.start, use.reference.end, dest.fn.name));
    if (verdict.kind === 'changed')
      plan.warn(
        'consolidate-helpers/behaviour-change',
        `${use.path}:${line(use.reference.node)}: ${verdict.what}`,
        { file: use.path, line: line(use.reference.node) },
      );
    needsImport.add(use.path);
  }
  const moveAll = general.kind !== 'different';
  for (const a of uses.attributes) {
    if (!moveAll)
      keep(
        a.path,
        a.node,
        `\`${a.module}.${copy.name}\` is read as an attribute and the copy is not \`${dest.fn.name}\``,
      );
    else {
      plan.edit(a.path, Edit.replace(a.node.startIndex, a.node.endIndex, dest.fn.name));
      needsImport.add(copy.file);
    }
  }
  for (const s of uses.strings) {
    if (!moveAll)
      keep(
        s.path,
        s.node,
        `the string ${s.node.text} names it and the copy is not \`${dest.fn.name}\``,
      );
    else if (s.kind !== 'all') {
      plan.edit(s.path, Edit.replace(s.start, s.end, dest.fn.name));
      needsImport.add(copy.file);
    }
  }
  for (const d of uses.dynamic) keep(d.path, d.node, `a dynamic use (${d.why})`);
  for (const path of needsImport) {
    if (path !== dest.path) plan.addImport(path, { module: dest.module, name: dest.fn.name });
  }
  for (const i of uses.imports) {
    const clause = i.binding.import?.clause;
    const stmt = i.binding.import?.statement;
    if (!clause || !stmt || stmt.kind !== 'from') continue;
    plan.dropImportIfUnused(i.path, {
      module: '.'.repeat(stmt.level) + stmt.module,
      name: clause.name,
      ...(clause.alias ? { alias: clause.alias } : {}),
    });
  }
  if (kept > 0) return false;
  deleteCopy(project, copy, plan);
  return true;
}

function inside(node: Node, outer: Node): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

function deleteCopy(project: PythonProject, copy: Copy, plan: PlanBuilder): void {
  const text = project.text(copy.file)!;
  const statement = copy.def.parent?.type === 'decorated_definition' ? copy.def.parent : copy.def;
  const range = definitionDeletionRange(text, statement);
  plan.edit(copy.file, Edit.delete(range.start, range.end));
  for (const request of importsReadIn(project, copy.file, [statement]))
    plan.dropImportIfUnused(copy.file, request);
  const where = { file: copy.file, line: line(copy.def) };
  plan.info(
    'consolidate-helpers/copy-deleted',
    `\`${copy.name}\` (${copy.file}:${where.line}) is deleted; its uses call the new function`,
    where,
  );
}
