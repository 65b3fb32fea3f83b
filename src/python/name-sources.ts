/**
 * Where a name a module does not bind should come from, judged from the project: the
 * import the other modules use for it (`from app.exceptions import ValidationError`,
 * `import json`), else the one first-party module that defines it, else a standard
 * library module of that name.
 */
import type { ImportRequest } from './import-edits.js';
import { isImportableModule } from './names.js';
import type { PythonProject } from './project/project.js';
import type { ImportBinding } from './project/scope-types.js';

export type NameSource =
  | { readonly kind: 'import'; readonly request: ImportRequest; readonly why: string }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly kind: 'unknown' };

/** How the project's other modules bind `name` at module level: import request -> count. */
function importsElsewhere(
  project: PythonProject,
  name: string,
  exclude: string,
): Map<string, { request: ImportRequest; count: number }> {
  const tally = new Map<string, { request: ImportRequest; count: number }>();
  for (const file of project.filesMentioning([name])) {
    if (file === exclude) continue;
    const analysis = project.analysis(file);
    for (const binding of analysis?.globalBindings(name) ?? []) {
      const request = binding.import ? requestFor(project, file, binding.import) : undefined;
      if (!request || !isImportableModule(request.module)) continue;
      const key = JSON.stringify(request);
      const entry = tally.get(key) ?? { request, count: 0 };
      entry.count++;
      tally.set(key, entry);
    }
  }
  return tally;
}

function requestFor(
  project: PythonProject,
  file: string,
  binding: ImportBinding,
): ImportRequest | undefined {
  const { statement, clause } = binding;
  if (!clause || statement.wildcard) return undefined;
  if (statement.kind === 'import') {
    return clause.alias ? { module: clause.name, alias: clause.alias } : { module: clause.name };
  }
  const module = project.modules.resolveRelative(file, statement.level, statement.module);
  if (!module || module === '__future__') return undefined;
  return clause.alias
    ? { module, name: clause.name, alias: clause.alias }
    : { module, name: clause.name };
}

/** First-party modules that define `name` at module level (not by importing it). */
function definers(project: PythonProject, name: string, exclude: string): string[] {
  const out: string[] = [];
  for (const file of project.filesMentioning([name])) {
    if (file === exclude) continue;
    const module = project.moduleName(file);
    if (!module || !isImportableModule(module)) continue;
    const bindings = project.analysis(file)?.globalBindings(name) ?? [];
    if (bindings.some((b) => b.kind !== 'import' && b.kind !== 'star-import')) out.push(module);
  }
  return out;
}

/** Where `name`, free in code pasted into `file`, should be imported from. */
export function findNameSource(project: PythonProject, name: string, file: string): NameSource {
  const tally = [...importsElsewhere(project, name, file).values()].sort(
    (a, b) => b.count - a.count,
  );
  const top = tally[0];
  if (top && (tally.length === 1 || tally[1]!.count < top.count)) {
    return {
      kind: 'import',
      request: top.request,
      why: `as ${top.count} other module(s) import it`,
    };
  }
  const defined = definers(project, name, file);
  if (defined.length === 1) {
    return {
      kind: 'import',
      request: { module: defined[0]!, name },
      why: `defined in ${defined[0]}`,
    };
  }
  if (defined.length > 1) return { kind: 'ambiguous', candidates: defined };
  if (tally.length > 1)
    return { kind: 'ambiguous', candidates: tally.map((t) => describe(t.request)) };
  if (project.category(name) === 'stdlib' && !name.includes('.')) {
    return { kind: 'import', request: { module: name }, why: 'a standard-library module' };
  }
  return { kind: 'unknown' };
}

/** `from m import x` / `import m` for messages. */
export function describe(request: ImportRequest): string {
  const alias = request.alias ? ` as ${request.alias}` : '';
  return request.name === undefined
    ? `import ${request.module}${alias}`
    : `from ${request.module} import ${request.name}${alias}`;
}
