/**
 * One rename, planned against the project model: locate the definition, find its uses,
 * decide which bindings change (with `onCollision: alias` keeping colliding importers on
 * the old name), check collisions, and turn the decision into edits per file.
 */
import { Edit } from '../../../core/edit.js';
import { withoutPythonExtension } from '../../files.js';
import { locateModuleFile } from '../locate.js';
import type { PythonProject } from '../project.js';
import { findSymbolUses, type SymbolUses } from '../references.js';
import { type Collision, findCollisions } from './collisions.js';
import { proseMentions } from './mentions.js';
import { type Propagation, propagate } from './propagation.js';
import { stubPlan } from './stub.js';

/** One rename: the name `from` of a module (given by dotted name or file) becomes `to`. */
export interface RenameRequest {
  /** Dotted module that defines the name (`app.api.admin_request`). */
  readonly module?: string | undefined;
  /** Repository-relative path of the defining file, or a base name unique in the repository. */
  readonly file?: string | undefined;
  readonly from: string;
  readonly to: string;
}

/** Something the planner has to say, with a stable code (`rename/dynamic-use`). */
export interface PlanNote {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
}

export interface RenamePlan {
  readonly label: string;
  /** The defining file, when it was found. */
  readonly path: string | undefined;
  /** Why the rename cannot be done; empty when it can. */
  readonly problems: readonly PlanNote[];
  readonly collisions: readonly Collision[];
  readonly edits: ReadonlyMap<string, Edit[]>;
  readonly warnings: readonly PlanNote[];
  readonly infos: readonly PlanNote[];
  /** Files kept on the old name with `from m import new as old`. */
  readonly aliasFiles: ReadonlySet<string>;
}

function label(request: RenameRequest, path?: string): string {
  return `\`${request.from}\` -> \`${request.to}\`${path ? ` (${path})` : ''}`;
}

function refusal(request: RenameRequest, problem: PlanNote, path?: string): RenamePlan {
  return {
    label: label(request, path),
    path,
    problems: [problem],
    collisions: [],
    edits: new Map(),
    warnings: [],
    infos: [],
    aliasFiles: new Set(),
  };
}

/** `to` is defined and `from` is gone: a second run, nothing to do. */
function isAlreadyRenamed(project: PythonProject, path: string, request: RenameRequest): boolean {
  const analysis = project.analysis(path);
  const defined = analysis?.globalBindings(request.to) ?? [];
  return defined.some((b) => b.kind !== 'import');
}

function alreadyDone(request: RenameRequest, path: string): RenamePlan {
  return {
    label: label(request, path),
    path,
    problems: [],
    collisions: [],
    edits: new Map(),
    warnings: [],
    infos: [
      {
        code: 'rename/already-done',
        message: `${label(request, path)}: already renamed, nothing to do`,
        path,
      },
    ],
    aliasFiles: new Set(),
  };
}

/** Problems with the definition itself (absent, nested only, or an import). */
function definitionProblem(project: PythonProject, uses: SymbolUses): PlanNote | undefined {
  const { path, name } = uses.target;
  const analysis = project.analysis(path);
  if (!analysis)
    return { code: 'rename/unparsed-definition', message: `${path} does not parse`, path };
  if (uses.definitions.length === 0) {
    const nested = analysis.bindings.find((b) => b.name === name && b.kind !== 'import');
    const where = nested
      ? ` (it is bound in ${nested.scope.kind} ${nested.scope.qualifiedName.replace(/\.<locals>/g, '')}, line ${nested.node.startPosition.row + 1}; only module-level names are renamed)`
      : '';
    return {
      code: 'rename/not-defined',
      message: `\`${name}\` is not defined at the top level of ${path}${where}`,
      path,
    };
  }
  const imported = uses.definitions.find((b) => b.kind === 'import');
  if (imported) {
    const line = imported.node.startPosition.row + 1;
    return {
      code: 'rename/imported-name',
      message: `\`${name}\` in ${path} is imported (line ${line}): rename it in the module that defines it`,
      path,
      line,
    };
  }
  return undefined;
}

export function planRename(
  project: PythonProject,
  request: RenameRequest,
  onCollision: 'refuse' | 'alias',
): RenamePlan {
  const located = locateModuleFile(project, request);
  if ('problem' in located)
    return refusal(request, { code: 'rename/module-not-found', message: located.problem });
  const uses = findSymbolUses(project, { path: located.path, name: request.from });
  if (uses.definitions.length === 0 && isAlreadyRenamed(project, located.path, request)) {
    return alreadyDone(request, located.path);
  }
  const problem = definitionProblem(project, uses);
  if (problem) return refusal(request, problem, located.path);
  const aliasFiles = new Set<string>();
  let propagation = propagate(project, uses, aliasFiles);
  let collisions = findCollisions(project, uses, propagation, request.to);
  while (onCollision === 'alias') {
    const fresh = collisions.filter((c) => c.aliasable && !aliasFiles.has(c.path));
    if (fresh.length === 0) break;
    for (const c of fresh) aliasFiles.add(c.path);
    propagation = propagate(project, uses, aliasFiles);
    collisions = findCollisions(project, uses, propagation, request.to);
  }
  const stub = stubPlan(project, located.path, request);
  const edits = buildEdits(project, uses, propagation, request, aliasFiles);
  if (stub.edits.length > 0) edits.set(`${located.path}i`, stub.edits);
  return {
    label: label(request, located.path),
    path: located.path,
    problems: [],
    collisions: [...collisions, ...stub.collisions],
    edits,
    warnings: [...warningsFor(uses, request), ...unresolvedImports(project, uses)],
    infos: [
      ...[...aliasFiles].map((path) => ({
        code: 'rename/kept-alias',
        message: `kept \`${request.from}\` as an import alias (\`${request.to} as ${request.from}\`): \`${request.to}\` is taken there`,
        path,
      })),
      ...proseMentions(project, request.from).map((m) => ({
        code: 'rename/prose-mention',
        message: `a comment or docstring mentions \`${request.from}\`: left as it is`,
        path: m.path,
        line: m.line,
      })),
    ],
    aliasFiles,
  };
}

function buildEdits(
  project: PythonProject,
  uses: SymbolUses,
  propagation: Propagation,
  request: RenameRequest,
  aliasFiles: ReadonlySet<string>,
): Map<string, Edit[]> {
  const edits = new Map<string, Edit[]>();
  const push = (path: string, edit: Edit) => edits.set(path, [...(edits.get(path) ?? []), edit]);
  const { to, from } = request;
  const renamedIn = (module: string, name: string) =>
    !!propagation.renamedNames.get(module)?.has(name);
  for (const def of uses.definitions) push(uses.target.path, Edit.replaceNode(def.node, to));
  for (const use of propagation.renamedClauses) {
    const clause = use.binding.import!.clause!;
    const keepOld = aliasFiles.has(use.path) && !use.aliased;
    if (keepOld && clause.alias === undefined) {
      push(use.path, Edit.replaceNode(use.nameNode, `${to} as ${from}`));
      continue;
    }
    push(use.path, Edit.replaceNode(use.nameNode, to));
    if (clause.alias === clause.name && !keepOld)
      push(use.path, Edit.replaceNode(use.binding.node, to));
  }
  for (const use of uses.names) {
    const via = use.binding;
    const source = via.kind === 'star-import' ? project.importTarget(use.path, via) : undefined;
    const renamed =
      propagation.renamedBindings.has(via) ||
      (!!source && use.reference.name === from && renamedIn(source, from));
    if (renamed) push(use.path, Edit.replace(use.reference.start, use.reference.end, to));
  }
  for (const use of uses.attributes) {
    if (renamedIn(use.module, use.name)) push(use.path, Edit.replaceNode(use.node, to));
  }
  for (const use of uses.strings) {
    if (renamedIn(use.module, use.name)) push(use.path, Edit.replace(use.start, use.end, to));
  }
  return edits;
}

/**
 * `from X import old` that does not resolve, or resolves outside the repository to a
 * module named like the defining one (`vendored.app.m` for `app/m.py`): a use the import
 * roots may hide.
 */
function unresolvedImports(project: PythonProject, uses: SymbolUses): PlanNote[] {
  const out: PlanNote[] = [];
  const name = uses.target.name;
  const stem = withoutPythonExtension(uses.target.path.replace(/^.*\//, ''));
  for (const path of project.filesMentioning([name])) {
    for (const b of project.analysis(path)?.bindings ?? []) {
      if (b.import?.statement.kind !== 'from' || b.import.clause?.name !== name) continue;
      const target = project.importTarget(path, b);
      const resolved = target ? project.resolve(target) : undefined;
      const lookalike =
        resolved?.kind === 'external' && b.import.statement.module.split('.').pop() === stem;
      if (resolved && resolved.kind !== 'unresolved' && !lookalike) continue;
      out.push({
        code: 'rename/unresolved-import',
        message: `\`${b.import.statement.node.text}\` imports \`${name}\` from a module remedy cannot find under the import roots; not renamed there (set python.roots if it is this project's)`,
        path,
        line: b.node.startPosition.row + 1,
      });
    }
  }
  return out;
}

function warningsFor(uses: SymbolUses, request: RenameRequest): PlanNote[] {
  const out: PlanNote[] = uses.unparsed.map((path) => ({
    code: 'rename/unparsed-file',
    message: `mentions \`${request.from}\` but does not parse: not renamed there`,
    path,
  }));
  for (const d of uses.dynamic) {
    if (d.name !== request.from) continue;
    out.push({
      code: 'rename/dynamic-use',
      message: `not renamed: "${d.name}" in ${d.why}`,
      path: d.path,
      line: d.line,
    });
  }
  for (const star of uses.starImports) {
    const source = star.binding.import?.target ?? '?';
    const module = star.path;
    out.push({
      code: 'rename/star-import',
      message: `${module} gets \`${request.from}\` through \`from ${source} import *\`; its uses were renamed, check names that reach it in ways remedy cannot see`,
      path: star.path,
      line: star.binding.node.startPosition.row + 1,
    });
  }
  return out;
}
