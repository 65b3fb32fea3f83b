/**
 * One rename, planned against the project model: locate the definition, find its uses,
 * give up when a computed `getattr` may reach it (impossible, left undone), decide which
 * bindings change, check collisions and resolve what the policy allows (a local renamed,
 * an importer aliasing the new name), and turn the decisions into edits per file.
 */
import type { Edit } from '../../../core/edit.js';
import { lineOf } from '../../nodes.js';
import { locateModuleFile } from '../locate.js';
import type { PythonProject } from '../project.js';
import { findSymbolUses, type SymbolUses } from '../references.js';
import { type Collision, findCollisions } from './collisions.js';
import { dynamicLookups } from './dynamic.js';
import { renameEdits } from './edits.js';
import { proseMentions } from './mentions.js';
import { NameRegistry } from './names.js';
import { unresolvedImports, warningsFor } from './notes.js';
import { type Propagation, propagate } from './propagation.js';
import { type CollisionPolicy, type NamesByFile, Resolver, reexportProblems } from './resolve.js';
import { stubPlan } from './stub.js';

export type { CollisionPolicy, NamesByFile } from './resolve.js';

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
  /** Collisions left after resolution: the rename cannot be done. */
  readonly collisions: readonly Collision[];
  /**
   * Why the rename is impossible whatever the code around it (a computed `getattr`
   * reaches the name): it is left undone, while other renames of the run can be made.
   */
  readonly impossible: readonly PlanNote[];
  readonly edits: ReadonlyMap<string, Edit[]>;
  /** How collisions were resolved (`rename/resolved-local`, `rename/resolved-alias`). */
  readonly resolutions: readonly PlanNote[];
  readonly warnings: readonly PlanNote[];
  readonly infos: readonly PlanNote[];
}

/** The policy of a run: how it treats collisions, and the names it introduces everywhere. */
export function collisionPolicy(
  options: {
    readonly collisions: 'resolve' | 'refuse';
    readonly aliases?: NamesByFile;
    readonly localNames?: NamesByFile;
  },
  introduced: Iterable<string>,
): CollisionPolicy {
  return {
    mode: options.collisions,
    aliases: options.aliases ?? {},
    localNames: options.localNames ?? {},
    registry: new NameRegistry(new Set(introduced)),
  };
}

function label(request: RenameRequest, path?: string): string {
  return `\`${request.from}\` -> \`${request.to}\`${path ? ` (${path})` : ''}`;
}

/** A plan that changes nothing: refused (`problems`), impossible, or already done (`infos`). */
function emptyPlan(
  request: RenameRequest,
  path: string | undefined,
  notes: { problems?: PlanNote[]; impossible?: PlanNote[]; infos?: PlanNote[] },
): RenamePlan {
  return {
    label: label(request, path),
    path,
    problems: notes.problems ?? [],
    collisions: [],
    impossible: notes.impossible ?? [],
    edits: new Map(),
    resolutions: [],
    warnings: [],
    infos: notes.infos ?? [],
  };
}

function refusal(request: RenameRequest, problem: PlanNote, path?: string): RenamePlan {
  return emptyPlan(request, path, { problems: [problem] });
}

/** `to` is defined and `from` is gone: a second run, nothing to do. */
function isAlreadyRenamed(project: PythonProject, path: string, request: RenameRequest): boolean {
  const analysis = project.analysis(path);
  const defined = analysis?.globalBindings(request.to) ?? [];
  return defined.some((b) => b.kind !== 'import');
}

function alreadyDone(request: RenameRequest, path: string): RenamePlan {
  const message = `${label(request, path)}: already renamed, nothing to do`;
  return emptyPlan(request, path, { infos: [{ code: 'rename/already-done', message, path }] });
}

/** Computed lookups (`getattr(mod, "_render_" + fmt)`) on a module exposing the name. */
function dynamicReach(project: PythonProject, uses: SymbolUses): PlanNote[] {
  const name = uses.target.name;
  const modules = new Set([...uses.exposed].filter(([, n]) => n.has(name)).map(([m]) => m));
  const found = dynamicLookups(project).filter(
    (l) => l.pattern.test(name) && l.modules.some((m) => modules.has(m)),
  );
  if (found.length === 0) return [];
  const places = found.map((l) => `${l.path}:${l.line} (\`${l.text}\`)`).join(', ');
  const line = uses.definitions[0] ? lineOf(uses.definitions[0].node) : undefined;
  const message = `\`${name}\` not renamed: looked up by a computed name at ${places}, which would no longer find it`;
  return [
    { code: 'rename/dynamic-lookup', message, path: uses.target.path, ...(line ? { line } : {}) },
  ];
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

/** Propagate, check collisions, resolve; again while resolution aliases more bindings. */
function resolveCollisions(
  project: PythonProject,
  uses: SymbolUses,
  to: string,
  policy: CollisionPolicy,
): { resolver: Resolver; propagation: Propagation; left: Collision[] } {
  const resolver = new Resolver(project, uses, to, policy);
  for (;;) {
    const propagation = propagate(project, uses, resolver.aliases);
    const round = resolver.absorb(findCollisions(project, uses, propagation, to));
    if (!round.grew) return { resolver, propagation, left: round.left };
  }
}

export function planRename(
  project: PythonProject,
  request: RenameRequest,
  policy: CollisionPolicy,
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
  const impossible = dynamicReach(project, uses);
  if (impossible.length > 0) return emptyPlan(request, located.path, { impossible });
  const { resolver, propagation, left } = resolveCollisions(project, uses, request.to, policy);
  const stub = stubPlan(project, located.path, request);
  const edits = renameEdits({
    project,
    uses,
    propagation,
    to: request.to,
    aliases: resolver.aliases,
    locals: resolver.locals.values(),
  });
  if (stub.edits.length > 0) edits.set(`${located.path}i`, stub.edits);
  return {
    label: label(request, located.path),
    path: located.path,
    problems: [...resolver.problems, ...reexportProblems(project, uses, propagation.aliasedNames)],
    collisions: [...left, ...stub.collisions],
    impossible: [],
    edits,
    resolutions: resolver.notes,
    warnings: [...warningsFor(uses, request), ...unresolvedImports(project, uses)],
    infos: proseMentions(project, request.from).map((m) => ({
      code: 'rename/prose-mention',
      message: `a comment or docstring mentions \`${request.from}\`: left as it is`,
      path: m.path,
      line: m.line,
    })),
  };
}
