/**
 * The function-local imports of a module and, for each, whether it may move to module
 * level or must stay (and why): guarded (`try`/`except ImportError`, `if TYPE_CHECKING`,
 * other conditionals), marked lazy, a module not selected by `modules`, or a move that
 * would change what a name means.
 */
import { collectImports, type ImportStatement } from '../../src/python/imports.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { Binding, Scope } from '../../src/python/project/scope-types.js';
import { isStdlibModule } from '../../src/python/stdlib.js';
import type { HoistOptions } from './options.js';

export interface LocalImport {
  readonly statement: ImportStatement;
  /** The function scope the import binds in. */
  readonly scope: Scope;
  /** `BaseRepository.count`, `outer.inner`. */
  readonly functionName: string;
  readonly bindings: readonly Binding[];
}

/** Why an import stays: `hoist/guarded`, `hoist/lazy`, `hoist/not-selected`, `hoist/star`, `hoist/meaning`. */
export type StayCode = 'guarded' | 'lazy' | 'not-selected' | 'star' | 'meaning';

export type Verdict =
  | { readonly hoist: true }
  | { readonly hoist: false; readonly code: StayCode; readonly why: string };

const LAZY_COMMENT =
  /noqa:[^#]*\bPLC0415\b|\b(lazy|lazily|circular|cycle|cyclic|deferred|defer|cold[- ]start)\b|avoid(ing)? (an? )?import/i;

function functionName(scope: Scope): string {
  return scope.qualifiedName.replace(/\.<locals>/g, '');
}

/** Function-local import statements, with the scope they bind in. */
export function localImports(analysis: ModuleAnalysis): LocalImport[] {
  const out: LocalImport[] = [];
  for (const statement of collectImports(analysis.tree)) {
    const scope = analysis.scopeAt(statement.start);
    if (scope.kind !== 'function' || statement.isFuture) continue;
    const bindings = analysis.bindings.filter(
      (b) => b.kind === 'import' && b.statement.id === statement.node.id,
    );
    out.push({ statement, scope, functionName: functionName(scope), bindings });
  }
  return out;
}

export function matchesFunctions(local: LocalImport, functions: readonly string[] | undefined) {
  if (!functions || functions.length === 0) return true;
  const name = local.functionName;
  return functions.some((f) => f === name || (!f.includes('.') && name.split('.').pop() === f));
}

/** The module spec an import reads (`..pkg.mod` for relative ones). */
export function moduleSpec(statement: ImportStatement): string[] {
  if (statement.kind === 'import') return statement.names.map((n) => n.name);
  return ['.'.repeat(statement.level) + statement.module];
}

function selected(spec: string, modules: HoistOptions['modules']): boolean {
  const stdlib = !spec.startsWith('.') && isStdlibModule(spec);
  if (modules === 'stdlib') return stdlib;
  return modules.some((m) => (m === 'stdlib' && stdlib) || spec === m || spec.startsWith(`${m}.`));
}

/** Why a statement is guarded by its position in the function, if it is. */
function guardReason(node: Node, fn: Node): string | undefined {
  for (let p = node.parent; p && p.id !== fn.id; p = p.parent) {
    if (p.type === 'if_statement' || p.type === 'elif_clause') {
      const condition = p.childForFieldName('condition')?.text ?? '';
      if (/\bTYPE_CHECKING\b/.test(condition)) return 'it is under `if TYPE_CHECKING`';
      return `it is conditional (inside \`if ${condition.replace(/\s+/g, ' ')}\`)`;
    }
    if (p.type === 'try_statement') {
      const handlers = p.namedChildren.filter((c) => c?.type === 'except_clause');
      if (handlers.some((h) => /\b(ImportError|ModuleNotFoundError)\b/.test(h!.text))) {
        return 'it is inside `try`/`except ImportError` (an optional import)';
      }
      return 'it is inside a `try` block';
    }
    if (
      ['with_statement', 'for_statement', 'while_statement', 'match_statement'].includes(p.type)
    ) {
      return `it is inside a \`${p.type.replace('_statement', '')}\` block`;
    }
  }
  return undefined;
}

/** A comment on the import's line, or right above it, that says it is lazy on purpose. */
function lazyComment(text: string, node: Node): string | undefined {
  const lineEnd = text.indexOf('\n', node.endIndex);
  const trailing = text.slice(node.endIndex, lineEnd === -1 ? text.length : lineEnd);
  const comments: string[] = [];
  if (trailing.includes('#')) comments.push(trailing.slice(trailing.indexOf('#')));
  let lineStart = text.lastIndexOf('\n', node.startIndex - 1);
  while (lineStart > 0) {
    const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
    const line = text.slice(prevStart, lineStart).trim();
    if (!line.startsWith('#')) break;
    comments.push(line);
    lineStart = prevStart - 1;
  }
  return comments.find((c) => LAZY_COMMENT.test(c));
}

function sameImport(a: Binding, b: Binding): boolean {
  return (
    a.import?.target === b.import?.target && a.import?.statement.kind === b.import?.statement.kind
  );
}

/** Why moving `binding` to module level would change what a name means, if it would. */
function meaningChange(
  analysis: ModuleAnalysis,
  local: LocalImport,
  b: Binding,
): string | undefined {
  const others = (local.scope.bindings.get(b.name) ?? []).filter(
    (x) => x !== b && !sameImport(x, b),
  );
  if (others[0])
    return `\`${b.name}\` is also bound in ${local.functionName} (line ${lineOf(others[0].node)})`;
  const enclosing = local.scope.parent ? analysis.lookup(local.scope.parent, b.name) : [];
  const outer = enclosing.find((x) => x.scope.kind !== 'module');
  if (outer) return `\`${b.name}\` is bound in an enclosing scope (line ${lineOf(outer.node)})`;
  const module = analysis.globalBindings(b.name).filter((x) => !sameImport(x, b));
  if (module[0]) {
    return `\`${b.name}\` is already bound at module level (line ${lineOf(module[0].node)}) to something else`;
  }
  const builtin = analysis.references.find(
    (r) => r.name === b.name && r.builtin && !r.bindings.length,
  );
  if (builtin) return `\`${b.name}\` would shadow the builtin used at line ${lineOf(builtin.node)}`;
  return undefined;
}

/** Decide whether one local import may move. */
export function verdictFor(
  analysis: ModuleAnalysis,
  text: string,
  local: LocalImport,
  modules: HoistOptions['modules'],
): Verdict {
  const guard = guardReason(local.statement.node, local.scope.node);
  if (guard) return { hoist: false, code: 'guarded', why: guard };
  const lazy = lazyComment(text, local.statement.node);
  if (lazy)
    return { hoist: false, code: 'lazy', why: `it is marked as deliberately lazy (\`${lazy}\`)` };
  for (const spec of moduleSpec(local.statement)) {
    if (selected(spec, modules)) continue;
    const what = spec.startsWith('.')
      ? `\`${spec}\` is a relative (first-party) import`
      : isStdlibModule(spec)
        ? `\`${spec}\` is not named in \`modules\``
        : `\`${spec}\` is not in the standard library and not named in \`modules\``;
    return { hoist: false, code: 'not-selected', why: `${what}; add it to \`modules\` to move it` };
  }
  if (local.statement.wildcard) return { hoist: false, code: 'star', why: 'it is a star import' };
  for (const b of local.bindings) {
    const change = meaningChange(analysis, local, b);
    if (change)
      return { hoist: false, code: 'meaning', why: `moving it would change meaning: ${change}` };
  }
  return { hoist: true };
}
