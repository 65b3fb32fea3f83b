/**
 * Collision resolution for a rename (`collisions: "resolve"`, the default): a local
 * variable that would shadow the new name is renamed in its scope, and an importing
 * module where the new name is taken (bound there, or read there as a builtin) imports
 * it under an alias. Everything else — a clash in the defining module, a parameter, a
 * class attribute, a submodule, `import *` — stays a collision, and the rename refuses.
 * With `collisions: "refuse"` every collision refuses, as before.
 */
import { lineOf } from '../../nodes.js';
import type { PythonProject } from '../project.js';
import type { ImportUse, SymbolUses } from '../references.js';
import type { Binding, BindingKind, Reference, Scope } from '../scope-types.js';
import type { Collision } from './collisions.js';
import { aliasCandidate, localNameCandidates, type NameRegistry, type NameSite } from './names.js';
import type { PlanNote } from './plan.js';

/** file -> (name -> name): where a resolution needs a name, the one to use. */
export type NamesByFile = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** How a rename treats collisions, and the run-wide registry of names it hands out. */
export interface CollisionPolicy {
  readonly mode: 'resolve' | 'refuse';
  /** Importer file -> (new name -> the alias to import it under there). */
  readonly aliases: NamesByFile;
  /** File -> (local name that would shadow -> the name to give it). */
  readonly localNames: NamesByFile;
  readonly registry: NameRegistry;
}

/** A local variable renamed out of the way: every binding and read of it in its scope. */
export interface LocalRename {
  readonly path: string;
  readonly newName: string;
  readonly bindings: readonly Binding[];
  readonly references: readonly Reference[];
}

/** Binding kinds of a plain local variable: renaming one changes nothing outside its scope. */
const VARIABLE_KINDS: ReadonlySet<BindingKind> = new Set([
  'assignment',
  'augmented-assignment',
  'annotation',
  'for',
  'with',
  'except',
  'walrus',
  'comprehension',
  'match',
]);

const INTROSPECTION = new Set(['locals', 'vars', 'eval', 'exec']);

function scopeLabel(scope: Scope): string {
  return `${scope.kind} ${scope.qualifiedName.replace(/\.<locals>/g, '')}`;
}

/** Whether `scope` (or a scope inside it) reads its locals by name: `locals()`, `eval`... */
function introspects(scope: Scope): boolean {
  const reads = (s: Scope): boolean =>
    s.references.some((r) => r.builtin && INTROSPECTION.has(r.name)) || s.children.some(reads);
  return reads(scope);
}

/** The bindings of a renamable local, or undefined when renaming it could be seen outside. */
function renamableLocal(shadow: Binding): readonly Binding[] | undefined {
  const scope = shadow.scope;
  if (scope.kind !== 'function' && scope.kind !== 'lambda' && scope.kind !== 'comprehension')
    return undefined;
  const bindings = scope.bindings.get(shadow.name) ?? [];
  if (!bindings.every((b) => VARIABLE_KINDS.has(b.kind)) || introspects(scope)) return undefined;
  return bindings;
}

/** The bindings of the local a collision can be resolved by renaming, if any. */
function localOf(c: Collision): readonly Binding[] | undefined {
  const kind = c.code === 'rename/collision-shadowed' || c.code === 'rename/collision-local';
  return kind && c.shadow ? renamableLocal(c.shadow) : undefined;
}

/** A collision an alias at the importing binding avoids. */
function isAliasable(c: Collision): boolean {
  return c.binding?.kind === 'import' && c.code !== 'rename/collision-star-import';
}

/** The decisions for one rename, grown round by round as aliases change what collides. */
export class Resolver {
  /** Import bindings imported under an alias -> the alias. */
  readonly aliases = new Map<Binding, string>();
  readonly locals = new Map<string, LocalRename>();
  readonly notes: PlanNote[] = [];
  readonly problems: PlanNote[] = [];
  private readonly noted = new Set<string>();

  constructor(
    private readonly project: PythonProject,
    private readonly uses: SymbolUses,
    private readonly to: string,
    private readonly policy: CollisionPolicy,
  ) {}

  private get from(): string {
    return this.uses.target.name;
  }

  /**
   * Resolve what can be resolved; return the collisions left, and whether a new alias
   * was decided (the caller then propagates again: aliased bindings are no longer
   * renamed). An import binding that needs an alias for one collision takes it for all
   * of them, so no local is renamed for a binding that keeps its name.
   */
  absorb(collisions: readonly Collision[]): { left: Collision[]; grew: boolean } {
    if (this.policy.mode === 'refuse') return { left: [...collisions], grew: false };
    const aliased = new Set(
      collisions.filter((c) => !localOf(c) && isAliasable(c)).map((c) => c.binding!),
    );
    const left: Collision[] = [];
    let grew = false;
    for (const c of collisions) {
      const local = localOf(c);
      if (c.binding && (aliased.has(c.binding) || this.aliases.has(c.binding))) {
        if (this.aliases.has(c.binding)) continue;
        if (this.alias(c, c.binding)) grew = true;
        else left.push(c);
      } else if (local) {
        if (!this.renameLocal(c, local)) left.push(c);
      } else {
        left.push(c);
      }
    }
    return { left, grew };
  }

  private note(key: string, note: PlanNote): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push(note);
  }

  /** Rename the local `c.shadow`; false when the name `localNames` gives it is taken. */
  private renameLocal(c: Collision, bindings: readonly Binding[]): boolean {
    const shadow = c.shadow!;
    const key = `local\u0000${c.path}\u0000${shadow.scope.node.startIndex}\u0000${shadow.name}`;
    const references = [...new Set(bindings.flatMap((b) => b.references))];
    const site = { path: c.path, scope: shadow.scope, moved: references };
    const newName = this.localName(site, shadow.name, key);
    if (newName === undefined) return false;
    this.locals.set(key, { path: c.path, newName, bindings, references });
    const line = lineOf(bindings[0]!.node);
    this.note(key, {
      code: 'rename/resolved-local',
      message: `renamed the local \`${shadow.name}\` of ${scopeLabel(shadow.scope)} to \`${newName}\`: it would shadow \`${this.to}\`, the new name of \`${this.from}\``,
      path: c.path,
      line,
    });
    return true;
  }

  private localName(site: NameSite, name: string, key: string): string | undefined {
    const { registry } = this.policy;
    const chosen = registry.chosenFor(key);
    if (chosen) return chosen;
    const path = site.path;
    const given = this.policy.localNames[path]?.[name];
    if (given !== undefined && !registry.isFree(this.project, site, given)) {
      this.problems.push({
        code: 'rename/local-name-taken',
        message: `localNames gives \`${name}\` the name \`${given}\`, which is already used in ${path}`,
        path,
      });
      return undefined;
    }
    const newName = given ?? registry.firstFree(this.project, site, localNameCandidates(name));
    registry.claim(site, key, newName);
    return newName;
  }

  /** Import the new name under an alias at `binding`; false when no alias can be used. */
  private alias(c: Collision, binding: Binding): boolean {
    const use = this.uses.imports.find((u) => u.binding === binding);
    if (!use || use.aliased) return false;
    const alias = this.aliasName(use);
    if (alias === undefined) return false;
    this.aliases.set(binding, alias);
    this.note(`alias\u0000${c.path}\u0000${binding.node.startIndex}`, {
      code: 'rename/resolved-alias',
      message: `imported as \`${this.to} as ${alias}\` (the uses here follow): ${c.message}`,
      path: c.path,
      line: lineOf(binding.node),
    });
    return true;
  }

  private aliasName(use: ImportUse): string | undefined {
    const { registry } = this.policy;
    const stmt = use.binding.import!.statement;
    const source = this.project.modules.resolveRelative(use.path, stmt.level, stmt.module) ?? '';
    const key = `alias\u0000${use.path}\u0000${use.binding.scope.node.startIndex}\u0000${this.to}\u0000${source}`;
    const chosen = registry.chosenFor(key);
    if (chosen) return chosen;
    const site: NameSite = {
      path: use.path,
      scope: use.binding.scope,
      moved: use.binding.references,
      ignore: new Set([use.binding]),
    };
    const given = this.policy.aliases[use.path]?.[this.to];
    if (given !== undefined) {
      if (!registry.isFree(this.project, site, given)) {
        this.problems.push({
          code: 'rename/alias-taken',
          message: `aliases gives \`${this.to}\` the alias \`${given}\` in ${use.path}, where that name is already used`,
          path: use.path,
        });
        return undefined;
      }
    }
    const alias =
      given ?? registry.firstFree(this.project, site, [aliasCandidate(this.to, source)]);
    registry.claim(site, key, alias);
    return alias;
  }
}

/**
 * An aliased importer that other modules import the old name from: they would lose it
 * (the module now binds the alias), so that alias is refused.
 */
export function reexportProblems(
  project: PythonProject,
  uses: SymbolUses,
  aliasedNames: ReadonlyMap<string, string>,
): PlanNote[] {
  const from = uses.target.name;
  const out: PlanNote[] = [];
  const problem = (path: string, line: number, module: string) =>
    out.push({
      code: 'rename/collision-reexport',
      message: `imports \`${from}\` from ${module}, where the new name is taken and \`${from}\` would become \`${aliasedNames.get(module)}\`: rename it there first, or keep the old name there with the option aliases`,
      path,
      line,
    });
  for (const use of uses.imports) {
    const stmt = use.binding.import!.statement;
    const source = project.modules.resolveRelative(use.path, stmt.level, stmt.module);
    if (use.binding.import!.clause?.name === from && source && aliasedNames.has(source))
      problem(use.path, lineOf(use.binding.node), source);
  }
  for (const star of uses.starImports) {
    const source = project.importTarget(star.path, star.binding);
    if (source && aliasedNames.has(source)) problem(star.path, lineOf(star.binding.node), source);
  }
  return out;
}
