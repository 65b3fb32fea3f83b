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
import { PlanBuilder } from '../../src/python/change-plan.js';
import { importWouldCycle } from '../../src/python/import-cycles.js';
import { removeClause } from '../../src/python/import-edits.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import {
  findSymbolUses,
  type NameUse,
  type SymbolUses,
} from '../../src/python/project/references.js';
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

/** Whether `path` binds the new function's name to something else than it or the copy. */
function nameTaken(project: PythonProject, path: string, dest: Destination, copy: Copy): boolean {
  if (path === dest.path) return false;
  const bindings = project.analysis(path)?.globalBindings(dest.fn.name) ?? [];
  const copyModule = project.moduleName(copy.file);
  return bindings.some((b) => {
    if (b.kind === 'function' && path === copy.file && b.statement.id === copy.def.id) return false;
    const target = project.importTarget(path, b);
    if (target === `${dest.module}.${dest.fn.name}`) return false;
    const r = target ? project.resolve(target) : undefined;
    return !(r?.kind === 'symbol' && r.module === copyModule && r.name === copy.name);
  });
}

/** One copy's uses being moved: what moved needs an import, what stays is listed. */
class UseMover {
  private readonly needsImport = new Set<string>();
  private kept = 0;

  constructor(
    private readonly project: PythonProject,
    private readonly copy: Copy,
    private readonly dest: Destination,
    private readonly plan: PlanBuilder,
    /** Why moving a use might change behaviour the finding does not ask to change. */
    private readonly risk: string | undefined,
  ) {}

  keep(path: string, at: Node, why: string): void {
    this.kept++;
    const where = { file: path, line: line(at) };
    this.plan.undone(
      'consolidate-helpers/use-kept',
      `\`${this.copy.name}\` at ${path}:${where.line} stays: ${why}`,
      where,
    );
  }

  names(
    uses: readonly NameUse[],
    general: Verdict,
    verdictFor: (call: Node, path: string) => Verdict,
  ): void {
    const { copy, dest, plan } = this;
    for (const use of uses) {
      if (use.path === copy.file && inside(use.reference.node, copy.def)) continue;
      const call = callOf(use);
      const verdict = call ? verdictFor(call, use.path) : general;
      const node = use.reference.node;
      if (verdict.kind === 'different') {
        this.keep(
          use.path,
          node,
          call
            ? verdict.why
            : `it is not called there and \`${copy.name}\` is not \`${dest.fn.name}\`: ${verdict.why}`,
        );
      } else if (use.path !== dest.path && importWouldCycle(this.project, use.path, dest.module)) {
        this.keep(
          use.path,
          node,
          `${dest.module} imports ${use.path} (directly or not): importing \`${dest.fn.name}\` there would be circular`,
        );
      } else if (nameTaken(this.project, use.path, dest, copy)) {
        this.keep(
          use.path,
          node,
          `${use.path} already binds \`${dest.fn.name}\` to something else`,
        );
      } else {
        if (use.reference.name !== dest.fn.name) {
          plan.edit(use.path, Edit.replace(use.reference.start, use.reference.end, dest.fn.name));
        }
        if (this.risk) plan.risk(use.path, this.risk);
        if (verdict.kind === 'changed') {
          const where = { file: use.path, line: line(node) };
          plan.warn('consolidate-helpers/behaviour-change', verdict.what, where);
        }
        this.needsImport.add(use.path);
      }
    }
  }

  /** `module.copy` reads and `"pkg.module.copy"` strings: moved only with an equivalent copy. */
  qualified(uses: SymbolUses, equivalent: boolean): void {
    const { copy, dest, plan } = this;
    const why = `the copy is not \`${dest.fn.name}\``;
    for (const a of uses.attributes) {
      if (!equivalent)
        this.keep(
          a.path,
          a.node,
          `\`${a.module}.${copy.name}\` is read as an attribute and ${why}`,
        );
      else if (a.node.text !== dest.fn.name) {
        plan.edit(a.path, Edit.replace(a.node.startIndex, a.node.endIndex, dest.fn.name));
      }
    }
    for (const s of uses.strings) {
      if (!equivalent) this.keep(s.path, s.node, `the string ${s.node.text} names it and ${why}`);
      else if (s.kind !== 'all' && s.name !== dest.fn.name) {
        plan.edit(s.path, Edit.replace(s.start, s.end, dest.fn.name));
      }
    }
    if (equivalent && uses.attributes.length + uses.strings.length > 0)
      this.needsImport.add(copy.file);
    for (const d of uses.dynamic) this.keep(d.path, d.node, `a dynamic use (${d.why})`);
  }

  /** Imports of the new function where uses moved; old import clauses dropped once unused. */
  imports(uses: SymbolUses): void {
    for (const path of this.needsImport) {
      if (path !== this.dest.path)
        this.plan.addImport(path, { module: this.dest.module, name: this.dest.fn.name });
    }
    for (const i of uses.imports) {
      const clause = i.binding.import?.clause;
      const stmt = i.binding.import?.statement;
      if (!clause || !stmt || stmt.kind !== 'from') continue;
      if (clause.bound === this.dest.fn.name && this.needsImport.has(i.path)) {
        // The copy already has the new name: its import must go now, or the two collide.
        const text = this.project.text(i.path)!;
        this.plan.edit(i.path, removeClause(text, stmt, stmt.names.indexOf(clause)));
        continue;
      }
      const alias = clause.alias ? { alias: clause.alias } : {};
      this.plan.dropImportIfUnused(i.path, {
        module: '.'.repeat(stmt.level) + stmt.module,
        name: clause.name,
        ...alias,
      });
    }
  }

  get anyKept(): boolean {
    return this.kept > 0;
  }
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
  risk?: string,
): boolean {
  const uses = findSymbolUses(project, { path: copy.file, name: copy.name });
  const moves = new PlanBuilder();
  const mover = new UseMover(project, copy, dest, moves, risk);
  mover.names(uses.names, general, verdictFor);
  mover.qualified(uses, general.kind !== 'different');
  mover.imports(uses);
  const built = moves.build();
  if (mover.anyKept && copy.name === dest.fn.name) {
    // The copy has the new function's name: it cannot stay beside an import of it.
    for (const d of built.diagnostics) if (d.undone) plan.report(d);
    const message = `\`${copy.name}\` in ${copy.file} has the new function's name and some of its uses stay: none is moved`;
    plan.undone('consolidate-helpers/copy-same-name', message, { file: copy.file });
    return false;
  }
  plan.absorb(built);
  if (mover.anyKept) return false;
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
