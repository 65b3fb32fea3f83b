/**
 * The imports code added to a module needs: every name the new code reads that the
 * module does not bind gets an import — the block's own, then the way the rest of the
 * project imports it, the one first-party module that defines it, or a standard-library
 * module of that name. Two conventions close the gaps: a one-letter capital (`T`) used
 * by the code is a type variable to declare, and `pytest` read as `pytest.x` in a test
 * module is the test framework. Names nothing accounts for are listed as missing.
 */

import { type PlanBuilder, problem, refuse } from './change-plan.js';
import type { ImportRequest } from './import-edits.js';
import { describe, findNameSource } from './name-sources.js';
import type { NewCode } from './new-code.js';
import type { PythonProject } from './project/project.js';

export interface NeededImport {
  readonly request: ImportRequest;
  /** Why this import (for the notes). */
  readonly why: string;
}

export interface ImportNeeds {
  readonly add: readonly NeededImport[];
  /** Type variables to declare (`T = TypeVar("T")`), in first-use order. */
  readonly typeVars: readonly string[];
  /** Names no import was found for, each with what was found instead. */
  readonly missing: readonly string[];
}

const TYPE_VAR = /^(?:[A-Z]|T[A-Z][A-Za-z]*)$/;

/** Whether a repository path is a test module (pytest collects or imports it). */
export function isTestModule(path: string): boolean {
  const base = path.split('/').pop() ?? '';
  return (
    base === 'conftest.py' || /^test_.*\.py$|_test\.py$/.test(base) || /(^|\/)tests?\//.test(path)
  );
}

/** Whether `file` binds `name` at module level (by definition, import or star import). */
export function moduleBinds(project: PythonProject, file: string, name: string): boolean {
  const analysis = project.analysis(file);
  if (!analysis) return false;
  if (analysis.globalBindings(name).length > 0) return true;
  return analysis.moduleScope.starImports.some((b) => {
    const source = project.importTarget(file, b);
    return !!source && project.exports(source).includes(name);
  });
}

/**
 * Of several ways the project imports `name` (`from typing import Sequence`, `from
 * collections.abc import Sequence`), the one whose module `file` already imports from.
 */
function fromModuleInUse(
  project: PythonProject,
  file: string,
  name: string,
  candidates: readonly string[],
): ImportRequest | undefined {
  const modules = new Set(
    [...(project.analysis(file)?.moduleScope.bindings.values() ?? [])]
      .flat()
      .filter((b) => b.kind === 'import' && b.import?.statement.kind === 'from')
      .map((b) => b.import!.statement.module),
  );
  const fitting = candidates
    .map((c) => /^from (\S+) import (\w+)$/.exec(c))
    .filter((m): m is RegExpExecArray => !!m && m[2] === name && modules.has(m[1]!));
  return fitting.length === 1 ? { module: fitting[0]![1]!, name } : undefined;
}

/**
 * The imports `code` needs in `file`. `defined` are names the change itself binds
 * in the module (the new definitions, fields), which need no import.
 */
export function importsForNewCode(
  project: PythonProject,
  file: string,
  code: NewCode,
  defined: Iterable<string> = [],
): ImportNeeds {
  const own = new Set<string>(defined);
  for (const item of code.items) if (item.name) own.add(item.name);
  const add: NeededImport[] = code.imports.map((request) => ({
    request,
    why: "written in the finding's code",
  }));
  const imported = new Set(code.imports.map((r) => r.alias ?? r.name ?? r.module.split('.')[0]!));
  const typeVars: string[] = [];
  const missing: string[] = [];
  for (const name of code.freeNames) {
    if (own.has(name) || imported.has(name) || moduleBinds(project, file, name)) continue;
    const source = findNameSource(project, name, file);
    const preferred =
      source.kind === 'ambiguous'
        ? fromModuleInUse(project, file, name, source.candidates)
        : undefined;
    if (source.kind === 'import') add.push({ request: source.request, why: source.why });
    else if (preferred)
      add.push({ request: preferred, why: `the module already imports from ${preferred.module}` });
    else if (TYPE_VAR.test(name)) typeVars.push(name);
    else if (name === 'pytest' && code.attributeBases.includes(name) && isTestModule(file)) {
      add.push({ request: { module: 'pytest' }, why: 'the test framework of a test module' });
    } else if (source.kind === 'ambiguous') {
      missing.push(`${name} (bound in several ways: ${source.candidates.join('; ')})`);
    } else missing.push(name);
  }
  if (typeVars.length > 0 && !moduleBinds(project, file, 'TypeVar')) {
    add.push({
      request: { module: 'typing', name: 'TypeVar' },
      why: 'to declare the type variables',
    });
  }
  return { add, typeVars, missing };
}

/**
 * Hand the needed imports to the plan (each noted with why), or refuse naming the names
 * nothing accounts for. `prefix` is the caller's diagnostic prefix; `what` says whose
 * names they are ("the finding's code", "`require_env`").
 */
export function requestNeededImports(
  plan: PlanBuilder,
  file: string,
  needs: ImportNeeds,
  prefix: string,
  what: string,
): void {
  if (needs.missing.length > 0) {
    refuse(
      problem(
        `${prefix}/unresolved-name`,
        `${what} uses names ${file} does not define and no import was found for: ${needs.missing.join(', ')}`,
        { file, hint: 'add the imports to the code, or add them to the module first' },
      ),
    );
  }
  for (const { request, why } of needs.add) {
    plan.addImport(file, request);
    plan.info(`${prefix}/import`, `${file}: ${describe(request)} (${why})`, { file });
  }
}

/**
 * A private name the code reads that exists nowhere any more, while the same name without
 * its leading underscores does (a finding written before the helper was made public, as
 * B-QUAL-01 does): old name -> new name, for each such name of `code`.
 */
export function renamedSince(
  project: PythonProject,
  file: string,
  code: NewCode,
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const name of code.freeNames) {
    if (!name.startsWith('_') || moduleBinds(project, file, name)) continue;
    if (findNameSource(project, name, file).kind !== 'unknown') continue;
    const stripped = name.replace(/^_+/, '');
    if (!stripped || code.freeNames.includes(stripped)) continue;
    const found =
      moduleBinds(project, file, stripped) ||
      findNameSource(project, stripped, file).kind === 'import';
    if (found) renamed.set(name, stripped);
  }
  return renamed;
}
