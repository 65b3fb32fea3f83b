/**
 * Resolution of a module's names, after the walk: `global` / `nonlocal` redirect
 * bindings, then each reference is resolved with Python's rules (function locals are
 * decided statically; class bodies are invisible from nested scopes; module, then builtins).
 */
import { isBuiltin } from './builtins.js';
import { LazyBinding, type RawBinding } from './lazy-nodes.js';
import {
  type Binding,
  bindingsIn,
  entryOf,
  isLocal,
  type Reference,
  type Scope,
} from './scope-types.js';

function moduleOf(scope: Scope): Scope {
  let s = scope;
  while (s.parent) s = s.parent;
  return s;
}

function isFunctionLike(scope: Scope): boolean {
  return scope.kind === 'function' || scope.kind === 'lambda' || scope.kind === 'type-params';
}

/** Whether a raw binding of `name` is local to `scope` (ignoring redirection). */
function rawLocal(raw: Map<Scope, Set<string>>, scope: Scope, name: string): boolean {
  if (scope.globalNames.has(name) || scope.nonlocalNames.has(name)) return false;
  return !!raw.get(scope)?.has(name) || scope.deletedNames.has(name);
}

/** The enclosing function scope a `nonlocal name` in `scope` refers to. */
function nonlocalTarget(
  scope: Scope,
  name: string,
  local: (s: Scope, n: string) => boolean,
): Scope | undefined {
  for (let s = scope.parent; s; s = s.parent) {
    if (s.kind === 'module') return undefined;
    if (isFunctionLike(s) && local(s, name)) return s;
  }
  return undefined;
}

/** The scope a raw binding really binds in. */
function bindingScope(raw: RawBinding, names: Map<Scope, Set<string>>): Scope {
  const { scope, name } = raw;
  if (scope.kind === 'module') return scope;
  if (scope.globalNames.has(name)) return moduleOf(scope);
  if (scope.nonlocalNames.has(name)) {
    return nonlocalTarget(scope, name, (s, n) => rawLocal(names, s, n)) ?? scope;
  }
  return scope;
}

/** Turn raw bindings into bindings attached to their final scopes. */
export function placeBindings(raws: readonly RawBinding[]): Binding[] {
  const names = new Map<Scope, Set<string>>();
  for (const raw of raws) {
    const set = names.get(raw.scope) ?? new Set<string>();
    names.set(raw.scope, set.add(raw.name));
  }
  const out: Binding[] = [];
  for (const raw of raws) {
    const scope = bindingScope(raw, names);
    const binding: Binding = new LazyBinding(raw, scope);
    if (raw.kind === 'star-import') {
      scope.starImports.push(binding);
      out.push(binding);
      continue;
    }
    entryOf(scope.bindings, raw.name).push(binding);
    out.push(binding);
  }
  return out;
}

/** The bindings `name` refers to when read in `scope` (LEGB, class bodies skipped when nested). */
export function lookup(scope: Scope, name: string): readonly Binding[] {
  let first = true;
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.kind === 'class' && !first) continue;
    first = false;
    if (s.kind !== 'module' && s.globalNames.has(name)) return bindingsIn(moduleOf(s), name);
    if (s.nonlocalNames.has(name)) {
      const target = nonlocalTarget(s, name, isLocal);
      return target ? bindingsIn(target, name) : [];
    }
    if (isLocal(s, name)) return bindingsIn(s, name);
    if (s.kind === 'module') return s.starImports;
  }
  return [];
}

/** Resolve every reference and link it to its bindings. */
export function resolveReferences(references: readonly Reference[]): void {
  for (const ref of references) {
    let found: readonly Binding[];
    if (ref.context === 'global') found = bindingsIn(moduleOf(ref.scope), ref.name);
    else if (ref.context === 'nonlocal') {
      const target = nonlocalTarget(ref.scope, ref.name, isLocal);
      found = target ? bindingsIn(target, ref.name) : [];
    } else found = lookup(ref.scope, ref.name);
    ref.bindings = found;
    for (const b of found) b.references.push(ref);
    const onlyStar = found.every((b) => b.kind === 'star-import');
    ref.builtin = onlyStar && isBuiltin(ref.name);
  }
}
