/**
 * Collisions of a new name in one file, and how each is resolved. For every binding the
 * rename gives the new name (the declaration, an import, a destructured local), three
 * things can go wrong: the file already declares the name in the same scope (the
 * `AboutUsPage` route trap), a local declared inside the binding's scope would shadow
 * a use of it, or the binding would capture a use of another binding (or a global) of
 * that name. Resolutions, as in the Python rename: a shadowing local is renamed to a
 * free name; an importer imports the new name under an alias; a Next.js route's own
 * default-exported function (whose name nothing imports) is renamed instead; a clash in
 * the defining module itself is refused. `collisions: "refuse"` refuses them all.
 */
import { ts } from 'ts-morph';
import type { PlanDiagnostic } from '../plan.js';
import {
  type Binding,
  bindingsNamed,
  encloses,
  identifiersNamed,
  isReference,
  scopeOf,
} from '../scopes.js';
import { aliasFor, firstFree, localNameFor, routeComponentName } from './names.js';
import type { TsRenameOptions } from './options.js';
import { type FileSites, isScoped, type Site } from './sites.js';

/** Another binding of the file renamed to make room: its name and every use, and the new name. */
export interface MakeRoom {
  readonly binding: Binding;
  readonly uses: readonly ts.Identifier[];
  readonly to: string;
}

export interface Resolution {
  /** The local name each renamed binding of the file gets (absent: the new name). */
  readonly locals: Map<ts.Identifier, string>;
  readonly makeRoom: MakeRoom[];
  readonly diagnostics: PlanDiagnostic[];
  /** Why the rename cannot be made at all, when it cannot. */
  blocked?: PlanDiagnostic;
}

interface RenameContext {
  readonly from: string;
  readonly to: string;
  readonly definitionFile: string;
  readonly options: Pick<TsRenameOptions, 'collisions' | 'aliases' | 'localNames'>;
}

type Conflict =
  | { readonly kind: 'same-scope' | 'inner'; readonly other: Binding }
  | { readonly kind: 'captures'; readonly use: ts.Identifier; readonly other?: Binding };

const lineOf = (node: ts.Node) =>
  node.getSourceFile().getLineAndCharacterOfPosition(node.getStart(node.getSourceFile())).line + 1;

/** The innermost old binding of the name whose scope contains `node`. */
function innermost(olds: readonly Binding[], node: ts.Node): Binding | undefined {
  let best: Binding | undefined;
  for (const b of olds) {
    if (encloses(b.scope, node) && (!best || encloses(best.scope, b.scope))) best = b;
  }
  return best;
}

function conflictsOf(
  scope: ts.Node,
  sites: readonly Site[],
  olds: readonly Binding[],
  uses: readonly ts.Identifier[],
): Conflict[] {
  const out: Conflict[] = [];
  for (const other of olds) {
    if (other.scope === scope) out.push({ kind: 'same-scope', other });
    else if (encloses(scope, other.scope) && sites.some((s) => encloses(other.scope, s.node))) {
      out.push({ kind: 'inner', other });
    }
  }
  for (const use of uses) {
    if (!encloses(scope, use)) continue;
    const target = innermost(olds, use);
    if (!target) out.push({ kind: 'captures', use });
    else if (target.scope !== scope && encloses(target.scope, scope))
      out.push({ kind: 'captures', use, other: target });
  }
  return out;
}

/** Uses of an old binding: the references of the name that resolve to it. */
function usesOf(other: Binding, olds: readonly Binding[], uses: readonly ts.Identifier[]) {
  return uses.filter((u) => innermost(olds, u) === other);
}

/** A route file's `export default function X` whose name is used only in the file. */
function isRouteDefaultLocal(file: string, other: Binding): boolean {
  const d = other.declaration;
  if (!routeComponentName(file)) return false;
  if (!ts.isFunctionDeclaration(d) && !ts.isClassDeclaration(d)) return false;
  const flags = ts.getCombinedModifierFlags(d);
  if ((flags & ts.ModifierFlags.ExportDefault) !== ts.ModifierFlags.ExportDefault) return false;
  return !identifiersNamed(d.getSourceFile(), other.name.text).some((id) =>
    ts.isExportSpecifier(id.parent),
  );
}

function moduleSpecifierOf(binding: ts.Identifier): string {
  let n: ts.Node | undefined = binding;
  while (n && !ts.isImportDeclaration(n)) n = n.parent;
  return n && ts.isStringLiteral(n.moduleSpecifier) ? n.moduleSpecifier.text : '';
}

/** Resolve the collisions of the new name in one file. */
export function resolveCollisions(fs: FileSites, ctx: RenameContext): Resolution {
  const res: Resolution = { locals: new Map(), makeRoom: [], diagnostics: [] };
  const sf = fs.sourceFile;
  const olds = bindingsNamed(sf, ctx.to);
  const uses = identifiersNamed(sf, ctx.to).filter(isReference);
  if (olds.length === 0 && uses.length === 0) return res;
  const taken = new Set<string>();
  for (const [binding, sites] of groupByBinding(fs.sites)) {
    const scope = scopeOf(binding);
    const conflicts = scope ? conflictsOf(scope, sites, olds, uses) : [];
    if (conflicts.length === 0) continue;
    if (ctx.options.collisions === 'refuse') {
      res.blocked = collisionError(fs.file, ctx, conflicts[0]!, 'rename/collision', true);
      return res;
    }
    const atBinding = conflicts.filter((c) => c.kind !== 'inner');
    if (atBinding.length > 0) {
      const ok = resolveAtBinding(
        res,
        fs,
        ctx,
        { binding, conflicts: atBinding, olds, uses },
        taken,
      );
      if (!ok) return res;
    }
    // An alias is free everywhere in the file: nothing inside can shadow it.
    if (res.locals.has(binding)) continue;
    for (const c of conflicts) {
      if (c.kind === 'inner')
        makeRoom(res, fs, ctx, c.other, usesOf(c.other, olds, uses), taken, 'a local');
    }
  }
  return res;
}

function groupByBinding(sites: readonly Site[]): Map<ts.Identifier, Site[]> {
  const out = new Map<ts.Identifier, Site[]>();
  for (const s of sites) {
    if (!isScoped(s) || !s.binding) continue;
    out.set(s.binding, [...(out.get(s.binding) ?? []), s]);
  }
  return out;
}

interface AtBinding {
  readonly binding: ts.Identifier;
  readonly conflicts: readonly Conflict[];
  readonly olds: readonly Binding[];
  readonly uses: readonly ts.Identifier[];
}

/** Clashes at the renamed binding itself: route-local rename, alias, or refusal. */
function resolveAtBinding(
  res: Resolution,
  fs: FileSites,
  ctx: RenameContext,
  at: AtBinding,
  taken: Set<string>,
): boolean {
  const { binding, conflicts } = at;
  const first = conflicts[0]!;
  const p = binding.parent;
  const importBinding = ts.isImportSpecifier(p) || ts.isImportClause(p);
  const forced = ctx.options.aliases[fs.file]?.[ctx.to];
  if (fs.file === ctx.definitionFile || !(importBinding || ts.isBindingElement(p))) {
    res.blocked = collisionError(fs.file, ctx, first, 'rename/collision-module', false);
    return false;
  }
  if (
    !forced &&
    conflicts.length === 1 &&
    first.kind === 'same-scope' &&
    isRouteDefaultLocal(fs.file, first.other)
  ) {
    const uses = usesOf(first.other, at.olds, at.uses);
    const base = routeComponentName(fs.file)!;
    makeRoom(res, fs, ctx, first.other, uses, taken, 'the route component', base);
    return true;
  }
  const derived = aliasFor(ctx.to, moduleSpecifierOf(binding));
  const alias = forced ?? firstFree(fs.sourceFile, derived, fs.checker, taken);
  taken.add(alias);
  res.locals.set(binding, alias);
  res.diagnostics.push({
    severity: 'warning',
    code: 'rename/resolved-alias',
    message: `\`${ctx.to}\` is taken in this file (${describe(first)}): it is used here as \`${alias}\``,
    file: fs.file,
    line: lineOf(binding),
    hint: `options.aliases["${fs.file}"]["${ctx.to}"] chooses another alias`,
  });
  return true;
}

function makeRoom(
  res: Resolution,
  fs: FileSites,
  ctx: RenameContext,
  other: Binding,
  uses: readonly ts.Identifier[],
  taken: Set<string>,
  what: string,
  base = localNameFor(other.name.text),
): void {
  if (res.makeRoom.some((m) => m.binding === other)) return;
  const to =
    ctx.options.localNames[fs.file]?.[other.name.text] ??
    firstFree(fs.sourceFile, base, fs.checker, taken);
  taken.add(to);
  res.makeRoom.push({ binding: other, uses, to });
  res.diagnostics.push({
    severity: 'warning',
    code: 'rename/resolved-local',
    message: `${what} \`${other.name.text}\` (line ${lineOf(other.name)}) would clash with the new name \`${ctx.to}\`: renamed to \`${to}\``,
    file: fs.file,
    line: lineOf(other.name),
    hint: `options.localNames["${fs.file}"]["${other.name.text}"] chooses another name`,
  });
}

function describe(c: Conflict): string {
  if (c.kind === 'captures') {
    return c.other
      ? `a use on line ${lineOf(c.use)} means the \`${c.use.text}\` of line ${lineOf(c.other.name)}`
      : `a use on line ${lineOf(c.use)} means the global \`${c.use.text}\``;
  }
  return `declared on line ${lineOf(c.other.name)}`;
}

function collisionError(
  file: string,
  ctx: RenameContext,
  c: Conflict,
  code: string,
  refusedByOption: boolean,
): PlanDiagnostic {
  const where = c.kind === 'captures' ? c.use : c.other.name;
  return {
    severity: 'error',
    code,
    message: `cannot rename \`${ctx.from}\` to \`${ctx.to}\`: in ${file}, \`${ctx.to}\` is ${describe(c)}`,
    file,
    line: lineOf(where),
    undone: true,
    hint: refusedByOption
      ? 'collisions: "resolve" aliases the import or renames the clashing local'
      : file === ctx.definitionFile
        ? 'the defining module already uses the name: choose another name, or rename the other one first'
        : undefined,
  };
}
