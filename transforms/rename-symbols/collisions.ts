/**
 * Collision checks for a rename: the new name must not already be bound where a renamed
 * binding lives, nor visible (bound in a nearer scope) where the old name is read, nor
 * read somewhere it would now be captured (a builtin, an undefined name), nor be a
 * submodule of the defining package, nor arrive in a module through `import *`.
 */
import type { PythonProject } from '../../src/python/project/project.js';
import type { SymbolUses } from '../../src/python/project/references.js';
import type { Binding, Scope } from '../../src/python/project/scope-types.js';
import type { Propagation } from './propagation.js';

export interface Collision {
  readonly path: string;
  readonly line: number;
  readonly message: string;
  /** True when `onCollision: alias` can avoid it (an importing module, not the definition). */
  readonly aliasable: boolean;
}

function lineOf(node: { startPosition: { row: number } }): number {
  return node.startPosition.row + 1;
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

export function findCollisions(
  project: PythonProject,
  uses: SymbolUses,
  propagation: Propagation,
  to: string,
): Collision[] {
  const out: Collision[] = [];
  const old = uses.target.name;
  const byFile = new Map<string, Binding[]>();
  for (const [b, path] of propagation.renamedBindings) {
    byFile.set(path, [...(byFile.get(path) ?? []), b]);
  }
  for (const [path, bindings] of byFile) {
    const analysis = project.analysis(path);
    if (!analysis) continue;
    const aliasable = path !== uses.target.path;
    const push = (line: number, message: string) => out.push({ path, line, message, aliasable });
    for (const b of bindings) {
      const existing = b.scope.bindings.get(to)?.[0];
      if (existing) {
        push(
          lineOf(existing.node),
          `\`${to}\` is already bound in ${describeScope(b.scope)} (${bindingWord(existing)} at line ${lineOf(existing.node)}), where \`${old}\` is ${b.kind === 'import' ? 'imported' : 'defined'} (line ${lineOf(b.node)})`,
        );
        continue;
      }
      for (const ref of b.references) {
        const visible = analysis.lookup(ref.scope, to)[0];
        if (visible && visible.kind !== 'star-import') {
          push(
            lineOf(ref.node),
            `\`${to}\` is bound in ${describeScope(visible.scope)} (line ${lineOf(visible.node)}), which reads \`${old}\` at line ${lineOf(ref.node)}: the read would get the local \`${to}\``,
          );
        }
      }
      for (const ref of analysis.referencesNamed(to)) {
        const unbound = ref.bindings.every((x) => x.kind === 'star-import');
        if (unbound && sees(ref.scope, b.scope)) {
          push(
            lineOf(ref.node),
            `\`${to}\` is read at line ${lineOf(ref.node)} as ${ref.builtin ? 'a builtin' : 'an undefined name'}; the renamed binding would capture it`,
          );
        }
      }
    }
  }
  if (
    uses.module &&
    project.modules.fileOf(uses.module)?.isPackage &&
    project.modules.isLocal(`${uses.module}.${to}`)
  ) {
    out.push({
      path: uses.target.path,
      line: 1,
      message: `\`${uses.module}.${to}\` is a submodule of the package`,
      aliasable: false,
    });
  }
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
