/**
 * Collision checks for a rename: the new name must not already be bound where a renamed
 * binding lives, nor visible (bound in a nearer scope) where the old name is read, nor
 * read somewhere it would now be captured (a builtin, an undefined name), nor be a
 * submodule of the defining package, nor arrive in a module through `import *`.
 */

import { lineOf } from '../../nodes.js';
import type { ModuleAnalysis } from '../module-analysis.js';
import type { PythonProject } from '../project.js';
import type { SymbolUses } from '../references.js';
import type { Binding, Scope } from '../scope-types.js';
import type { Propagation } from './propagation.js';

export interface Collision {
  /** `rename/collision-local`, `-shadowed`, `-capture`, `-submodule`, `-star-import`, `-stub`. */
  readonly code: string;
  readonly path: string;
  readonly line: number;
  readonly message: string;
  /** True when `onCollision: alias` can avoid it (an importing module, not the definition). */
  readonly aliasable: boolean;
}

function describeScope(scope: Scope): string {
  if (scope.kind === 'module') return 'the module scope';
  return `${scope.kind} ${scope.qualifiedName.replace(/\.<locals>/g, '') || '(module)'}`;
}

/** Whether a read in `inner` can see names bound in `outer` (class bodies hide from nested scopes). */
function sees(inner: Scope, outer: Scope): boolean {
  let first = true;
  for (let s: Scope | undefined = inner; s; s = s.parent) {
    if (s === outer) return first || s.kind !== 'class';
    first = false;
  }
  return false;
}

function bindingWord(b: Binding): string {
  return b.kind === 'function' ? 'def' : b.kind === 'class' ? 'class' : b.kind;
}

/** Collisions of one renamed binding inside its own file. */
function bindingCollisions(
  analysis: ModuleAnalysis,
  b: Binding,
  old: string,
  to: string,
): { code: string; line: number; message: string }[] {
  const existing = b.scope.bindings.get(to)?.[0];
  if (existing) {
    const what = b.kind === 'import' ? 'imported' : 'defined';
    return [
      {
        code: 'rename/collision-local',
        line: lineOf(existing.node),
        message: `\`${to}\` is already bound in ${describeScope(b.scope)} (${bindingWord(existing)} at line ${lineOf(existing.node)}), where \`${old}\` is ${what} (line ${lineOf(b.node)})`,
      },
    ];
  }
  const out: { code: string; line: number; message: string }[] = [];
  for (const ref of b.references) {
    const visible = analysis.lookup(ref.scope, to)[0];
    if (!visible || visible.kind === 'star-import') continue;
    out.push({
      code: 'rename/collision-shadowed',
      line: lineOf(ref.node),
      message: `\`${to}\` is bound in ${describeScope(visible.scope)} (line ${lineOf(visible.node)}), which reads \`${old}\` at line ${lineOf(ref.node)}: the read would get the local \`${to}\``,
    });
  }
  for (const ref of analysis.referencesNamed(to)) {
    const unbound = ref.bindings.every((x) => x.kind === 'star-import');
    if (!unbound || !sees(ref.scope, b.scope)) continue;
    out.push({
      code: 'rename/collision-capture',
      line: lineOf(ref.node),
      message: `\`${to}\` is read at line ${lineOf(ref.node)} as ${ref.builtin ? 'a builtin' : 'an undefined name'}; the renamed binding would capture it`,
    });
  }
  return out;
}

function submoduleCollision(project: PythonProject, uses: SymbolUses, to: string): Collision[] {
  const module = uses.module;
  if (!module || !project.modules.fileOf(module)?.isPackage) return [];
  if (!project.modules.isLocal(`${module}.${to}`)) return [];
  const message = `\`${module}.${to}\` is a submodule of the package`;
  const code = 'rename/collision-submodule';
  return [{ code, path: uses.target.path, line: 1, message, aliasable: false }];
}

export function findCollisions(
  project: PythonProject,
  uses: SymbolUses,
  propagation: Propagation,
  to: string,
): Collision[] {
  const out: Collision[] = [];
  for (const [b, path] of propagation.renamedBindings) {
    const analysis = project.analysis(path);
    if (!analysis) continue;
    const aliasable = path !== uses.target.path;
    for (const c of bindingCollisions(analysis, b, uses.target.name, to)) {
      out.push({ path, ...c, aliasable });
    }
  }
  out.push(...submoduleCollision(project, uses, to));
  out.push(...starCollisions(project, uses, propagation, to));
  return dedupe(out);
}

/** A private name made public now travels through `from m import *` (m without `__all__`). */
function starCollisions(
  project: PythonProject,
  uses: SymbolUses,
  propagation: Propagation,
  to: string,
): Collision[] {
  if (to.startsWith('_') || !uses.target.name.startsWith('_')) return [];
  const out: Collision[] = [];
  const exporting = [...propagation.renamedNames.keys()];
  for (const file of project.files) {
    if (!project.text(file)?.includes('import *')) continue;
    const analysis = project.analysis(file);
    for (const star of analysis?.moduleScope.starImports ?? []) {
      const source = project.importTarget(file, star);
      if (
        !source ||
        !exporting.includes(source) ||
        project.exports(source).includes(uses.target.name)
      )
        continue;
      const clash = analysis!.globalBindings(to)[0];
      if (clash) {
        out.push({
          code: 'rename/collision-star-import',
          path: file,
          line: lineOf(clash.node),
          message: `\`from ${source} import *\` (line ${lineOf(star.node)}) would now import \`${to}\` over the one bound at line ${lineOf(clash.node)}`,
          aliasable: false,
        });
      }
    }
  }
  return out;
}

function dedupe(list: Collision[]): Collision[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.path}:${c.line}:${c.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
