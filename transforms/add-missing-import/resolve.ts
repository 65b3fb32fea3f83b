/**
 * Where an undefined name comes from: the imports that would bind it, found in the
 * standard library (a module of that name, or a listed member like `Path`) and in the
 * project (a module of that name, or the one module-level definition of it), narrowed
 * by how the name is used (`x.attr` needs an `x` that has `attr`). One candidate is an
 * answer; several are ambiguous and listed; none is unresolved.
 */
import type { ImportRequest } from '../../src/python/import-edits.js';
import type { ModuleFile, PythonProject } from '../../src/python/project/index.js';
import { isStdlibModule } from '../../src/python/stdlib.js';
import { DATETIME_CLASS_ATTRIBUTES, stdlibHomeOf } from '../../src/python/stdlib-names.js';
import type { UndefinedName } from '../../src/python/undefined-names.js';

export interface Candidate {
  readonly request: ImportRequest;
  readonly source: 'stdlib' | 'project';
  /** The project file that defines the name or is the module (project candidates). */
  readonly file?: string;
}

export type NameResolution =
  | { readonly kind: 'resolved'; readonly candidate: Candidate }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Candidate[] }
  | { readonly kind: 'unresolved' };

/** `import os` / `from pathlib import Path`, as a user would write it. */
export function importText(request: ImportRequest): string {
  const alias = request.alias ? ` as ${request.alias}` : '';
  return request.name === undefined
    ? `import ${request.module}${alias}`
    : `from ${request.module} import ${request.name}${alias}`;
}

function attributesOf(name: UndefinedName): Set<string> {
  return new Set(name.uses.flatMap((u) => (u.attribute ? [u.attribute] : [])));
}

/** `import datetime` or `from datetime import datetime`, by the attributes used. */
function datetimeCandidates(attributes: Set<string>): Candidate[] {
  const module: Candidate = { request: { module: 'datetime' }, source: 'stdlib' };
  const cls: Candidate = { request: { module: 'datetime', name: 'datetime' }, source: 'stdlib' };
  if (attributes.size === 0) return [module, cls];
  const classLike = [...attributes].filter((a) => DATETIME_CLASS_ATTRIBUTES.has(a));
  if (classLike.length === attributes.size) return [cls];
  return classLike.length === 0 ? [module] : [module, cls];
}

function stdlibCandidates(name: UndefinedName): Candidate[] {
  const id = name.name;
  if (id === 'datetime') return datetimeCandidates(attributesOf(name));
  const out: Candidate[] = [];
  if (!id.startsWith('_') && isStdlibModule(id))
    out.push({ request: { module: id }, source: 'stdlib' });
  const home = stdlibHomeOf(id);
  if (home) out.push({ request: { module: home, name: id }, source: 'stdlib' });
  return out;
}

const TEST_PATH = /(^|\/)(tests?|testing)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** Modules a file may import from: the project's own, not stubs, not tests (unless it is one). */
function importable(from: string, module: ModuleFile): boolean {
  if (module.root.stub || module.path === from) return false;
  return TEST_PATH.test(from) || !TEST_PATH.test(module.path);
}

/** Whether a project module provides every attribute the uses read. */
function moduleProvides(
  project: PythonProject,
  module: ModuleFile,
  attributes: Set<string>,
): boolean {
  if (attributes.size === 0) return true;
  const names = new Set(project.analysis(module.path)?.globalNames() ?? []);
  return [...attributes].every(
    (a) => names.has(a) || project.modules.isLocal(`${module.name}.${a}`),
  );
}

function projectModuleCandidates(
  project: PythonProject,
  path: string,
  name: UndefinedName,
): Candidate[] {
  const out: Candidate[] = [];
  const attributes = attributesOf(name);
  for (const module of project.modules.modules()) {
    const parts = module.name.split('.');
    if (parts[parts.length - 1] !== name.name || !importable(path, module)) continue;
    if (!moduleProvides(project, module, attributes)) continue;
    const parent = parts.slice(0, -1).join('.');
    const request = parent ? { module: parent, name: name.name } : { module: name.name };
    out.push({ request, source: 'project', file: module.path });
  }
  return out;
}

/** Module-level definitions of the name (not imports of it) in other project modules. */
function projectSymbolCandidates(
  project: PythonProject,
  path: string,
  name: UndefinedName,
): Candidate[] {
  const out: Candidate[] = [];
  const attributes = attributesOf(name);
  for (const file of project.filesMentioning([name.name])) {
    const module = project.modules.moduleOf(file);
    if (!module || !importable(path, module)) continue;
    const definitions = (project.analysis(file)?.globalBindings(name.name) ?? []).filter(
      (b) => b.kind !== 'import' && b.kind !== 'star-import' && b.kind !== 'annotation',
    );
    if (definitions.length === 0) continue;
    // A function is not read as `f.attr`; a class must bind the attributes read.
    if (attributes.size > 0 && definitions.every((b) => b.kind === 'function')) continue;
    out.push({ request: { module: module.name, name: name.name }, source: 'project', file });
  }
  return out;
}

/** What would bind `name` in the file at `path`. */
export function resolveUndefinedName(
  project: PythonProject,
  path: string,
  name: UndefinedName,
): NameResolution {
  const candidates = [
    ...stdlibCandidates(name),
    ...projectModuleCandidates(project, path, name),
    ...projectSymbolCandidates(project, path, name),
  ];
  const unique = [...new Map(candidates.map((c) => [importText(c.request), c])).values()];
  if (unique.length === 1) return { kind: 'resolved', candidate: unique[0]! };
  return unique.length === 0 ? { kind: 'unresolved' } : { kind: 'ambiguous', candidates: unique };
}
