/**
 * remove-dead-code — delete module-level definitions that nothing references.
 *
 * What it does: deletes the named definitions of one module (with their decorators and
 * the comment lines right above them), and the imports only they used, after proving
 * with the project model that nothing else reaches them: no name resolves to them
 * (in that module or through an import elsewhere), no `from m import name`, no
 * `module.name`, no `__all__` entry, no patch-target string (`mock.patch("m.name")`,
 * `patch.object(m, "name")`), no `import *` consumer, no string that may be a dynamic
 * lookup. References from the other definitions being removed do not count, so a dead
 * function and its dead helpers go together. Constants left unused are reported.
 * Why: B-ARCH-05 (`_parse_path` and its helpers `_strip_version_prefix`,
 * `_is_version_segment`: "verify no usages exist ... if confirmed unused, remove").
 * Example: `{ "file": "backend/src/app/api/admin_request.py", "names": ["_parse_path",
 * "_strip_version_prefix", "_is_version_segment"] }` deletes the three functions.
 * Fix safety: code is removed only when no reference can be found; otherwise it refuses,
 * changing nothing, and lists every reference as `file:line: what`. The fix is safe when
 * the deleted statements only bind names; unsafe when one does something at import time
 * (a decorator, which may register the function; an assignment that calls something).
 * Dynamic access remedy cannot see (`globals()[name]`, `getattr(mod, computed)`) is the limit.
 * Options: `file` (repository path or a base name unique in the repository), `names`.
 * Whole module (`deleteFile: true`, fastapi-platform 1.6; see delete-module.ts): the file
 * is deleted once no module imports or names it, with the test modules given as `tests`;
 * otherwise refused, naming each importer. Unreachable statements (`unreachableIn`, a
 * function; `statement`, the code the finding quotes; inventory-service TD-005; see
 * unreachable.ts): the statements after a `return` / `raise` / `continue` / `break`.
 * TypeScript/JavaScript (the language comes from the file; see typescript.ts and
 * src/typescript/dead-code/): unused exports, components and whole files with the tests
 * that only they keep alive, after the language service finds no reference; Next.js
 * route conventions count as references; comments mentioning a name are reported, not
 * counted. Options `file`, `names?` (default: the whole file), `deleteFile?`.
 */

import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform, type ProjectContext } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { locateModuleFile } from '../../src/python/project/locate.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import {
  definitionDeletionRange,
  importsLeftUnused,
  isReferencedOutside,
  mergeLineDeletions,
  type Range,
  removeImportBindings,
} from '../../src/python/removal.js';
import type { TsDeadCodeOptions } from '../../src/typescript/dead-code/options.js';
import { runDeleteModule } from './delete-module.js';
import { type DeadCodeOptions, optionsSchema } from './options.js';
import { referencesOutside } from './references.js';
import { isTsDeadCodeOptions, runTsDeadCode, tsDeadCodeTransformOptions } from './typescript.js';
import { runRemoveUnreachable } from './unreachable.js';

type Ctx = PythonProjectContext<DeadCodeOptions>;

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);

/** The module-level statement that binds `name` alone, or why it cannot be deleted. */
function deletableStatement(binding: { statement: Node; node: Node; kind: string }): Node | string {
  if (binding.kind === 'import')
    return `it is imported (line ${lineOf(binding.node)}), not defined here`;
  let statement = binding.statement;
  if (statement.parent?.type === 'decorated_definition') statement = statement.parent;
  if (statement.type === 'assignment') {
    const left = statement.childForFieldName('left');
    if (
      left?.type !== 'identifier' ||
      statement.childForFieldName('right')?.type === 'assignment'
    ) {
      return `line ${lineOf(binding.node)} binds other names too`;
    }
    statement = statement.parent!;
  }
  if (statement.parent?.type !== 'module')
    return `it is defined inside a block (line ${lineOf(binding.node)})`;
  if (!DEFINITIONS.has(statement.type) && statement.type !== 'expression_statement') {
    return `line ${lineOf(binding.node)} is a ${statement.type}`;
  }
  return statement;
}

/** The statements to delete, per name; problems for names that cannot be deleted. */
function statementsFor(analysis: ModuleAnalysis, path: string, names: readonly string[]) {
  const statements: Node[] = [];
  const problems: string[] = [];
  const absent: string[] = [];
  for (const name of names) {
    const bindings = analysis.globalBindings(name);
    if (bindings.length === 0) absent.push(name);
    for (const b of bindings) {
      const found = deletableStatement(b);
      if (typeof found === 'string') problems.push(`\`${name}\` in ${path}: ${found}`);
      else if (!statements.some((s) => s.id === found.id)) statements.push(found);
    }
  }
  return { statements, problems, absent };
}

/** Module-level constants (assignments) that only the removed code read. */
function constantsLeftUnused(analysis: ModuleAnalysis, removed: readonly Range[]): string[] {
  return [...analysis.moduleScope.bindings.values()]
    .flat()
    .filter(
      (b) =>
        b.kind === 'assignment' &&
        b.references.length > 0 &&
        !isReferencedOutside(b, removed) &&
        !removed.some((r) => b.node.startIndex >= r.start && b.node.startIndex < r.end),
    )
    .map((b) => b.name);
}

/** The module to remove from, and its analysis; refuses when there is none. */
function moduleOf(ctx: Ctx): { path: string; analysis: ModuleAnalysis } {
  const located = locateModuleFile(ctx.project, { file: ctx.options.file });
  if ('problem' in located) {
    const message = `refusing to remove dead code: ${located.problem}`;
    ctx.refuse({ code: 'dead-code/module-not-found', message });
  }
  const { path } = located;
  const analysis = ctx.project.analysis(path);
  if (!analysis) {
    const message = `refusing to remove dead code: ${path} does not parse`;
    ctx.refuse({ code: 'dead-code/unparsed', message, file: path });
  }
  return { path, analysis };
}

/** Refuse, listing every reference, when something outside the removed code still uses it. */
function refuseIfReferenced(ctx: Ctx, path: string, present: readonly string[], ranges: Range[]) {
  const references = referencesOutside(ctx.project, path, present, ranges);
  if (references.length === 0) return;
  const listed = present.map((n) => `\`${n}\``).join(', ');
  ctx.refuse(
    references.map((r) => ({
      code: 'dead-code/still-referenced',
      message: r.what,
      file: r.path,
      line: r.line,
    })),
    {
      summary: `refusing to remove ${listed} from ${path}: still referenced, nothing changed`,
      hint: 'remove or rewrite those references first, or leave these names out of `names`',
    },
  );
}

function runPython(ctx: Ctx): void {
  if (ctx.options.deleteFile) {
    runDeleteModule(ctx);
    return;
  }
  if (ctx.options.unreachableIn) {
    runRemoveUnreachable(ctx);
    return;
  }
  const project = ctx.project;
  const { path, analysis } = moduleOf(ctx);
  const names = [...new Set(ctx.options.names ?? [])];
  const { statements, problems, absent } = statementsFor(analysis, path, names);
  if (problems.length > 0) {
    ctx.refuse(
      problems.map((message) => ({ code: 'dead-code/not-deletable', message, file: path })),
      { summary: 'refusing to remove dead code, nothing changed' },
    );
  }
  for (const name of absent) {
    const message = `\`${name}\` is not defined in ${path} (already removed?)`;
    ctx.report({ severity: 'info', code: 'dead-code/not-defined', message, file: path });
  }
  if (statements.length === 0) return;
  const text = project.text(path) ?? '';
  const ranges = statements.map((s) => definitionDeletionRange(text, s));
  const present = names.filter((n) => !absent.includes(n));
  refuseIfReferenced(ctx, path, present, ranges);
  for (const name of constantsLeftUnused(analysis, ranges)) {
    const message = `\`${name}\` is now unused in ${path}`;
    ctx.report({ severity: 'info', code: 'dead-code/constant-unused', message, file: path });
  }
  const edits = mergeLineDeletions(text, [
    ...ranges.map((r) => Edit.delete(r.start, r.end)),
    ...removeImportBindings(text, importsLeftUnused(analysis, ranges)),
  ]);
  const title = `remove unreferenced ${present.join(', ')}`;
  const effect = statements.map(importTimeEffect).find((e) => e !== undefined);
  ctx.fix(path, effect ? Fix.unsafe(`${title} (${effect})`, edits) : Fix.safe(title, edits));
}

/**
 * What deleting a statement stops from happening when the module is imported: a
 * decorator runs (and may register the function: a route, a task), an assignment
 * calls something. Undefined when the statement only binds a name.
 */
function importTimeEffect(statement: Node): string | undefined {
  if (statement.type === 'decorated_definition') {
    const decorator = statement.namedChildren.find((n) => n?.type === 'decorator');
    return `its decorator \`${decorator?.text ?? '@...'}\` runs at import and may register it`;
  }
  const value = statement.namedChild(0)?.childForFieldName('right');
  const call = value && (value.type === 'call' ? value : value.descendantsOfType('call')[0]);
  return call ? `the assignment calls \`${call.text.split('(')[0]}()\` at import` : undefined;
}

function run(ctx: Ctx | ProjectContext<TsDeadCodeOptions>): void {
  if (isTsDeadCodeOptions(ctx.options)) runTsDeadCode(ctx as ProjectContext<TsDeadCodeOptions>);
  else runPython(ctx as Ctx);
}

export default defineTransform({
  id: 'remove-dead-code',
  languages: ['python', 'typescript'],
  reads: 'project',
  summary: 'remove dead code',
  // TypeScript requests first: a Python request's file is a .py path (or a base name).
  options: z.union([
    tsDeadCodeTransformOptions.describe('TypeScript/JavaScript'),
    optionsSchema.describe('Python'),
  ]),
  run,
});
