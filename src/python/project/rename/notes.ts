/**
 * What a rename says besides its edits: uses it cannot rename (dynamic strings, files
 * that do not parse, imports from modules it cannot find, `import *` consumers).
 */
import { withoutPythonExtension } from '../../files.js';
import type { PythonProject } from '../project.js';
import type { SymbolUses } from '../references.js';
import type { PlanNote, RenameRequest } from './plan.js';

/**
 * `from X import old` that does not resolve, or resolves outside the repository to a
 * module named like the defining one (`vendored.app.m` for `app/m.py`): a use the import
 * roots may hide.
 */
export function unresolvedImports(project: PythonProject, uses: SymbolUses): PlanNote[] {
  const out: PlanNote[] = [];
  const name = uses.target.name;
  const stem = withoutPythonExtension(uses.target.path.replace(/^.*\//, ''));
  for (const path of project.filesMentioning([name])) {
    for (const b of project.analysis(path)?.bindings ?? []) {
      if (b.import?.statement.kind !== 'from' || b.import.clause?.name !== name) continue;
      const target = project.importTarget(path, b);
      const resolved = target ? project.resolve(target) : undefined;
      const lookalike =
        resolved?.kind === 'external' && b.import.statement.module.split('.').pop() === stem;
      if (resolved && resolved.kind !== 'unresolved' && !lookalike) continue;
      out.push({
        code: 'rename/unresolved-import',
        message: `\`${b.import.statement.node.text}\` imports \`${name}\` from a module remedy cannot find under the import roots; not renamed there (set python.roots if it is this project's)`,
        path,
        line: b.node.startPosition.row + 1,
      });
    }
  }
  return out;
}

export function warningsFor(uses: SymbolUses, request: RenameRequest): PlanNote[] {
  const out: PlanNote[] = uses.unparsed.map((path) => ({
    code: 'rename/unparsed-file',
    message: `mentions \`${request.from}\` but does not parse: not renamed there`,
    path,
  }));
  for (const d of uses.dynamic) {
    if (d.name !== request.from) continue;
    out.push({
      code: 'rename/dynamic-use',
      message: `not renamed: "${d.name}" in ${d.why}`,
      path: d.path,
      line: d.line,
    });
  }
  for (const star of uses.starImports) {
    const source = star.binding.import?.target ?? '?';
    const module = star.path;
    out.push({
      code: 'rename/star-import',
      message: `${module} gets \`${request.from}\` through \`from ${source} import *\`; its uses were renamed, check names that reach it in ways remedy cannot see`,
      path: star.path,
      line: star.binding.node.startPosition.row + 1,
    });
  }
  return out;
}
