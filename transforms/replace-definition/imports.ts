/**
 * Imports for a pasted definition: every free name of the new code that the module
 * does not bind gets an import found from the project (or the definition is refused,
 * listing the names); imports only the old definition used are dropped once unused.
 */
import type { SourceFile, TransformOutput } from '../../src/engine/contract.js';
import type { PythonTypes } from '../../src/python/adapter.js';
import { importBindingsUsedIn } from '../../src/python/free-names.js';
import type { ImportRequest } from '../../src/python/import-edits.js';
import { describe, findNameSource } from '../../src/python/name-sources.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { NewDefinition } from './code.js';

export interface ImportPlan {
  readonly add: readonly { request: ImportRequest; why: string }[];
  /** Names no import can be found for, with what was found instead. */
  readonly missing: readonly string[];
}

/** Imports the new definitions (of one block: same imports, same free names) need in `file`. */
export function planImports(
  project: PythonProject,
  file: string,
  definitions: readonly NewDefinition[],
): ImportPlan {
  const fresh = definitions[0]!;
  const own = new Set(definitions.map((d) => d.name));
  const analysis = project.analysis(file);
  const starSources = (analysis?.moduleScope.starImports ?? [])
    .map((b) => project.importTarget(file, b))
    .filter((m): m is string => !!m);
  const add: { request: ImportRequest; why: string }[] = fresh.imports.map((request) => ({
    request,
    why: "written in the finding's code",
  }));
  const missing: string[] = [];
  for (const name of fresh.freeNames) {
    if (own.has(name)) continue;
    if ((analysis?.globalBindings(name).length ?? 0) > 0) continue;
    if (starSources.some((m) => project.exports(m).includes(name))) continue;
    const source = findNameSource(project, name, file);
    if (source.kind === 'import') add.push({ request: source.request, why: source.why });
    else if (source.kind === 'ambiguous')
      missing.push(
        `${name} (defined or imported in several ways: ${source.candidates.join('; ')})`,
      );
    else missing.push(name);
  }
  return { add, missing };
}

/** Request the imports for `file`, reporting each one. */
export function requestImports(
  ctx: TransformOutput,
  file: SourceFile<PythonTypes>,
  plan: ImportPlan,
): void {
  for (const { request, why } of plan.add) {
    file.addImport(request.module, request.name, request.alias);
    const bound = request.alias ?? request.name ?? request.module;
    ctx.report({
      severity: 'info',
      code: 'replace-definition/import-added',
      message: `imports ${bound}: ${describe(request)} (${why})`,
      file: file.path,
    });
  }
}

/**
 * `from m import x` names the old definition used and the new one does not read:
 * removed after the fix when nothing else in the module uses them.
 */
export function dropStaleImports(
  ctx: SourceFile<PythonTypes>,
  old: Node,
  fresh: NewDefinition,
): void {
  const stillUsed = new Set([...fresh.freeNames, fresh.name]);
  for (const binding of importBindingsUsedIn(ctx.tree, old)) {
    const stmt = binding.import?.statement;
    const clause = binding.import?.clause;
    if (!stmt || !clause || stmt.kind !== 'from' || stillUsed.has(binding.name)) continue;
    if (clause.alias) continue;
    ctx.removeImportIfUnused('.'.repeat(stmt.level) + stmt.module, clause.name);
  }
}
