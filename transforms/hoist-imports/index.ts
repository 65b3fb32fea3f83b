/**
 * hoist-imports — move function-local imports to the module's import block.
 *
 * What it does: takes `import` / `from ... import` statements out of function bodies and
 * adds them at module level: merged into an existing `from m import ...` (sorted when
 * the names were), exact duplicates dropped, aliases kept (`from uuid import UUID as
 * UUIDType`), new statements placed in their section (after the docstring and
 * `__future__` imports, stdlib before third-party before first-party, sorted).
 * Why: findings like B-QUAL-04 / B-QUAL-05: lazy imports of cheap, always-loaded
 * modules hide dependencies and cost a lookup on every call.
 * Example: `def count(self):\n    from sqlalchemy import func\n    ...` ->
 * `from sqlalchemy import func, select` at the top and the line gone from `count`.
 * Fix safety: safe for the standard library and third-party modules (only those `modules`
 * selects: the standard library by default); unsafe when a hoisted import is relative or
 * of a package the file's own directories name (first-party): at module level it may
 * close an import cycle.
 * An import stays where it is, with a note saying why, when it is inside
 * `try`/`except ImportError`, under `if TYPE_CHECKING` or another conditional, marked
 * deliberately lazy (`# noqa: PLC0415`, a comment saying lazy / circular / deferred),
 * would change meaning (its name is bound differently at module level, in the function,
 * or in an enclosing function, or would shadow a builtin used elsewhere), or is a module
 * not selected by `modules` (third-party and relative imports must be named).
 * Options: `files` (paths or base names), `functions` (`serialize_for_audit`,
 * `BaseRepository.count`), `modules`: `"stdlib"` (default) or a list of module names
 * (`["sqlalchemy"]`; add `"stdlib"` to the list to include the standard library).
 */
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonFileContext } from '../../src/python/adapter.js';
import type { Node } from '../../src/python/parser.js';
import { analyzeModule } from '../../src/python/project/module-analysis.js';
import type { Binding } from '../../src/python/project/scope-types.js';
import { type LocalImport, localImports, matchesFunctions, verdictFor } from './candidates.js';
import { type HoistOptions, optionsSchema } from './options.js';
import { type HoistRequest, planModuleImports } from './placement.js';
import { removalEdits } from './removal.js';

function matchesFiles(path: string, files: readonly string[] | undefined): boolean {
  if (!files || files.length === 0) return true;
  return files.some((f) => path === f || path.endsWith(`/${f.replace(/^\.\//, '')}`));
}

/** Top-level packages this file's own directories suggest are first-party (`app`). */
function firstPartyGuess(path: string): Set<string> {
  return new Set(path.split('/').slice(0, -1));
}

function requestsFor(local: LocalImport): HoistRequest[] {
  const stmt = local.statement;
  if (stmt.kind === 'import') {
    return stmt.names.map((n) => ({
      kind: 'import',
      module: n.name,
      ...(n.alias ? { alias: n.alias } : {}),
    }));
  }
  const module = '.'.repeat(stmt.level) + stmt.module;
  return stmt.names.map((n) => ({
    kind: 'from',
    module,
    name: n.name,
    ...(n.alias ? { alias: n.alias } : {}),
  }));
}

/** Two hoisted imports that would bind one module-level name to different things. */
function conflictWith(planned: Map<string, string>, local: LocalImport): Binding | undefined {
  return local.bindings.find((b) => {
    const target = `${b.import?.statement.kind}:${b.import?.target}`;
    const existing = planned.get(b.name);
    return existing !== undefined && existing !== target;
  });
}

function run(ctx: PythonFileContext<HoistOptions>): Fix[] {
  if (!matchesFiles(ctx.path, ctx.options.files) || !/\bimport\b/.test(ctx.text)) return [];
  const analysis = analyzeModule(ctx.tree);
  const locals = localImports(analysis).filter((l) => matchesFunctions(l, ctx.options.functions));
  if (locals.length === 0 && ctx.options.files?.length && ctx.options.functions?.length) {
    ctx.report({
      severity: 'info',
      code: 'hoist/nothing-found',
      message: `no function-local import in ${ctx.options.functions.join(', ')}`,
    });
  }
  const hoisted: LocalImport[] = [];
  const planned = new Map<string, string>();
  for (const local of locals) {
    const verdict = verdictFor(analysis, ctx.text, local, ctx.options.modules);
    const clash = verdict.hoist ? conflictWith(planned, local) : undefined;
    const what = `\`${local.statement.node.text.replace(/\s+/g, ' ')}\` in ${local.functionName}`;
    if (!verdict.hoist || clash) {
      const why = verdict.hoist
        ? `another hoisted import binds \`${clash!.name}\` to something else`
        : verdict.why;
      ctx.report({
        severity: 'info',
        code: `hoist/${verdict.hoist ? 'conflict' : verdict.code}`,
        message: `left ${what} in place: ${why}`,
        at: local.statement.node,
      });
      continue;
    }
    for (const b of local.bindings)
      planned.set(b.name, `${b.import?.statement.kind}:${b.import?.target}`);
    hoisted.push(local);
  }
  return hoisted.length === 0 ? [] : [hoistFix(ctx, hoisted)];
}

/** One fix: the statements out of their functions, merged into the module's imports. */
function hoistFix(ctx: PythonFileContext<HoistOptions>, hoisted: readonly LocalImport[]): Fix {
  const byBody = new Map<number, { body: Node; statements: Node[] }>();
  for (const local of hoisted) {
    const body = local.statement.node.parent!;
    const entry = byBody.get(body.id) ?? { body, statements: [] };
    entry.statements.push(local.statement.node);
    byBody.set(body.id, entry);
  }
  const removals = [...byBody.values()].flatMap((e) =>
    removalEdits(ctx.text, e.body, e.statements),
  );
  const additions = planModuleImports(
    ctx.text,
    ctx.tree,
    hoisted.flatMap(requestsFor),
    firstPartyGuess(ctx.path),
    ctx.eol,
  );
  const functions = [...new Set(hoisted.map((l) => l.functionName))].join(', ');
  const title = `hoist ${hoisted.length} import(s) out of ${functions}`;
  const own = hoisted.find((l) => isProjectModule(l, ctx.path));
  const edits = [...removals, ...additions];
  if (!own) return Fix.safe(title, edits);
  const why = `\`${oneLine(own.statement.node.text)}\` imports a module of this project: at module level it may close an import cycle`;
  return Fix.unsafe(`${title} (${why})`, edits);
}

/** A relative import, or one of a package the file's own directories suggest is first-party. */
function isProjectModule(local: LocalImport, path: string): boolean {
  const stmt = local.statement;
  if (stmt.kind === 'from' && stmt.level > 0) return true;
  const modules = stmt.kind === 'from' ? [stmt.module] : stmt.names.map((n) => n.name);
  const ours = firstPartyGuess(path);
  return modules.some((m) => ours.has(m.split('.')[0]!));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export default defineTransform({
  id: 'hoist-imports',
  languages: ['python'],
  reads: 'file',
  summary: 'move function-local imports to module level',
  options: optionsSchema,
  run,
});
