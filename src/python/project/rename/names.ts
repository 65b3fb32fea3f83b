/**
 * Names for collision resolutions, deterministic and free where they are used:
 * - a local that would shadow the new name is renamed after its own name: the last word
 *   dropped when it has three or more (`use_iam_auth` -> `use_iam`, `dry_run_enabled` ->
 *   `dry_run`), else `_value` appended (`run_seed` -> `run_seed_value`);
 * - an importer where the new name is taken imports it under an alias made of the new
 *   name and the source module: the module's first word the name lacks goes after the
 *   name's first word (`parse_cursor` from `..admin_request` -> `parse_admin_cursor`), or
 *   in front of a one-word name (`respond` from `lambda_support` -> `lambda_respond`);
 * then `_2`, `_3`... until the name is free where it is bound: not bound in that scope,
 * not read there (or in a nested scope) as anything else, not a builtin, keyword or
 * name brought by `import *`, and not a name the run introduces (every rename's new
 * name, every resolution already chosen in a scope around or inside that one).
 */
import { PYTHON_KEYWORDS } from '../../names.js';
import { isBuiltin } from '../builtins.js';
import type { PythonProject } from '../project.js';
import type { Binding, Reference, Scope } from '../scope-types.js';

/** `__x_y` -> { prefix: '__', words: ['x', 'y'] }. */
function splitName(name: string): { prefix: string; words: string[] } {
  const prefix = /^_*/.exec(name)![0];
  return { prefix, words: name.slice(prefix.length).split('_').filter(Boolean) };
}

/** Candidates for a local renamed out of the way of `name`, best first. */
export function localNameCandidates(name: string): string[] {
  const { prefix, words } = splitName(name);
  const out = words.length >= 3 ? [`${prefix}${words.slice(0, -1).join('_')}`] : [];
  return [...out, `${name}_value`];
}

/** The module's first word (last segment first) that `name` does not already contain. */
function qualifier(name: string, module: string): string | undefined {
  const own = new Set(splitName(name).words.map((w) => w.toLowerCase()));
  const segments = module.split('.').filter(Boolean).reverse();
  for (const segment of segments) {
    const word = splitName(segment).words.find((w) => w.length > 1 && !own.has(w.toLowerCase()));
    if (word) return word.toLowerCase();
  }
  return undefined;
}

/** The alias `name` is imported under from `module` where `name` is taken. */
export function aliasCandidate(name: string, module: string): string {
  const word = qualifier(name, module) ?? 'imported';
  if (/^[A-Z][A-Za-z0-9]*$/.test(name) && /[a-z]/.test(name)) {
    return `${word[0]!.toUpperCase()}${word.slice(1)}${name}`;
  }
  const upper = name === name.toUpperCase() && /[A-Z]/.test(name);
  const w = upper ? word.toUpperCase() : word;
  const { prefix, words } = splitName(name);
  if (words.length < 2) return `${prefix}${w}_${words.join('_')}`;
  return `${prefix}${[words[0], w, ...words.slice(1)].join('_')}`;
}

/** Whether `outer` is `inner` or one of its enclosing scopes. */
function encloses(outer: Scope, inner: Scope): boolean {
  for (let s: Scope | undefined = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}

interface Claim {
  readonly path: string;
  readonly scope: Scope;
  readonly name: string;
}

/** Where a resolution binds its name: the scope, and the reads that will use it. */
export interface NameSite {
  readonly path: string;
  readonly scope: Scope;
  /** References that will read the new binding (the renamed local's, the alias's). */
  readonly moved: readonly Reference[];
  /** Bindings that give way (an alias equal to the old name replaces the old binding). */
  readonly ignore?: ReadonlySet<Binding>;
}

/**
 * The names a run hands out, and the names it introduces everywhere (the renames' new
 * names): one registry per transform run, shared by every rename, so two resolutions
 * never pick one name in nested scopes of a file, and the same local is renamed once.
 */
export class NameRegistry {
  private readonly claims: Claim[] = [];
  private readonly chosen = new Map<string, string>();

  constructor(private readonly introduced: ReadonlySet<string>) {}

  /** The name already chosen for `key` (a local or an alias), if any. */
  chosenFor(key: string): string | undefined {
    return this.chosen.get(key);
  }

  /** Record `name` as bound at `site` for `key`. */
  claim(site: NameSite, key: string, name: string): void {
    this.chosen.set(key, name);
    this.claims.push({ path: site.path, scope: site.scope, name });
  }

  /**
   * Whether `name` can be bound in `site.scope` without meeting another name: not bound
   * there already, not read in that scope (or below) as something else or as a builtin,
   * not bound between a moved read and the scope, not a keyword, builtin, star-imported
   * name or a name the run introduces, and not claimed by another resolution in a scope
   * that encloses or is enclosed by this one.
   */
  isFree(project: PythonProject, site: NameSite, name: string): boolean {
    if (PYTHON_KEYWORDS.has(name) || isBuiltin(name) || this.introduced.has(name)) return false;
    const { path, scope } = site;
    const ignore = site.ignore ?? new Set<Binding>();
    const nested = (c: Claim) => encloses(c.scope, scope) || encloses(scope, c.scope);
    if (this.claims.some((c) => c.path === path && c.name === name && nested(c))) return false;
    const analysis = project.analysis(path);
    if (!analysis) return false;
    if ((scope.bindings.get(name) ?? []).some((b) => !ignore.has(b))) return false;
    if (scope.kind === 'module' && starImported(project, path, scope, name)) return false;
    const outside = (b: Binding) => b.scope === scope || !encloses(scope, b.scope);
    for (const r of analysis.referencesNamed(name)) {
      if (!encloses(scope, r.scope) || r.bindings.every((b) => ignore.has(b))) continue;
      if (r.bindings.length === 0 || r.bindings.some(outside)) return false;
    }
    return site.moved.every((r) =>
      analysis.lookup(r.scope, name).every((b) => ignore.has(b) || outside(b)),
    );
  }

  /** The first free name among `candidates`, then the last one with `_2`, `_3`... */
  firstFree(project: PythonProject, site: NameSite, candidates: readonly string[]): string {
    for (const name of candidates) if (this.isFree(project, site, name)) return name;
    const base = candidates[candidates.length - 1]!;
    for (let i = 2; ; i++) {
      if (this.isFree(project, site, `${base}_${i}`)) return `${base}_${i}`;
    }
  }
}

/** Whether a `from m import *` of the file may bring `name`. */
function starImported(project: PythonProject, path: string, scope: Scope, name: string): boolean {
  return scope.starImports.some((star) => {
    const source = project.importTarget(path, star);
    return !source || project.exports(source).includes(name);
  });
}
