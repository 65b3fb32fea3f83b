/**
 * The function-local imports of a module and, for each, whether it may move to module
 * level or must stay, and why (the `hoist/<code>` of its note): its blocks keep it
 * (`blocks.ts`), its module is not selected by `modules`, is not always importable
 * (`tomllib` before 3.11, `winreg` off Windows), is not standard library and sits in a
 * block, is marked lazy, or moving it would change what a name means.
 */
import { collectImports, type ImportStatement } from '../../src/python/imports.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { Binding, Scope } from '../../src/python/project/scope-types.js';
import { isStdlibModule, stdlibAvailability } from '../../src/python/stdlib.js';
import type { PythonVersion } from '../../src/python/version.js';
import { type BlockFacts, blockFacts } from './blocks.js';
import type { HoistOptions } from './options.js';

export interface LocalImport {
  readonly statement: ImportStatement;
  /** The function scope the import binds in. */
  readonly scope: Scope;
  /** `BaseRepository.count`, `outer.inner`. */
  readonly functionName: string;
  readonly bindings: readonly Binding[];
}

/** Why an import stays: its diagnostic is `hoist/<code>`. */
export type StayCode =
  | 'type-checking'
  | 'version-gated'
  | 'platform-specific'
  | 'guarded-import-error'
  | 'guarded'
  | 'conditional'
  | 'third-party'
  | 'first-party'
  | 'not-selected'
  | 'lazy'
  | 'star'
  | 'shadows';

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

type Stay = Extract<Verdict, { hoist: false }>;

function stay(code: StayCode, why: string): Stay {
  return { hoist: false, code, why };
}

function firstOf<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** Why `spec` is not selected by `modules`, if it is not. */
function notSelected(spec: string, modules: HoistOptions['modules']): Stay | undefined {
  if (selected(spec, modules)) return undefined;
  const add = 'add it to `modules` to move it';
  if (spec.startsWith('.'))
    return stay('first-party', `\`${spec}\` is a relative (first-party) import; ${add}`);
  if (isStdlibModule(spec))
    return stay('not-selected', `\`${spec}\` is not named in \`modules\`; ${add}`);
  return stay(
    'third-party',
    `\`${spec}\` is not in the standard library and not named in \`modules\`; ${add}`,
  );
}

/** Why a standard-library module may be missing where the module is imported, if it may. */
function unavailable(spec: string, target: PythonVersion | undefined): Stay | undefined {
  if (!isStdlibModule(spec)) return undefined;
  const facts = stdlibAvailability(spec);
  if (facts.platform)
    return stay('platform-specific', `\`${spec}\` exists on ${facts.platform} only`);
  if (facts.removedIn !== undefined) {
    return stay('version-gated', `\`${spec}\` was removed in Python 3.${facts.removedIn}`);
  }
  if (facts.since !== undefined && (target === undefined || target.minor < facts.since)) {
    const version = target
      ? `the target version is 3.${target.minor}`
      : 'no target version is known';
    return stay(
      'version-gated',
      `\`${spec}\` exists from Python 3.${facts.since} only and ${version}`,
    );
  }
  return undefined;
}

/** Why a block that does not keep every import keeps this one, given what it imports. */
function blockStay(facts: BlockFacts, specs: readonly string[]): Stay | undefined {
  const outside = specs.find((s) => !isStdlibModule(s));
  if (outside && facts.block) {
    return stay(
      'conditional',
      `it is inside ${/^[aeiou]/.test(facts.block) ? 'an' : 'a'} \`${facts.block}\` block and \`${outside}\` is not in the standard library (only standard-library imports leave blocks)`,
    );
  }
  const fragile = specs.find((s) => stdlibAvailability(s).optionalBuild);
  if (facts.broad && (facts.broad.importsOnly || fragile)) {
    const guard = `it is inside \`try\`/\`${facts.broad.handler}\``;
    const why = facts.broad.importsOnly
      ? `${guard}, which guards only imports (an optional import)`
      : `${guard} and \`${fragile}\` is missing from some Python builds`;
    return stay('guarded-import-error', why);
  }
  return undefined;
}

/** Decide whether one local import may move. */
export function verdictFor(
  analysis: ModuleAnalysis,
  text: string,
  local: LocalImport,
  modules: HoistOptions['modules'],
  target: PythonVersion | undefined,
): Verdict {
  const specs = moduleSpec(local.statement);
  const facts = blockFacts(local.statement.node, local.scope.node);
  if (facts.stay) return stay(facts.stay.code, facts.stay.why);
  const lazy = lazyComment(text, local.statement.node);
  if (lazy) return stay('lazy', `it is marked as deliberately lazy (\`${lazy}\`)`);
  const reason =
    firstOf(specs, (s) => notSelected(s, modules)) ??
    blockStay(facts, specs) ??
    firstOf(specs, (s) => unavailable(s, target));
  if (reason) return reason;
  if (local.statement.wildcard) return stay('star', 'it is a star import');
  for (const b of local.bindings) {
    const change = meaningChange(analysis, local, b);
    if (change) return stay('shadows', `moving it would change meaning: ${change}`);
  }
  return { hoist: true };
}
