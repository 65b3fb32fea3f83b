/**
 * add-code, kind `exports`: a package `__init__.py` imports names from the modules that
 * define them and lists them in its literal `__all__` (kept sorted when it was). A name
 * already imported and listed is a no-op; a name no module defines stops the plan.
 */
import { type PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { openModule } from '../../src/python/code-target.js';
import { addToDunderAll, literalDunderAll } from '../../src/python/dunder-all.js';
import { describe, findNameSource } from '../../src/python/name-sources.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { ExportsOptions } from './options.js';

/** Import each name the package does not bind yet from the module that defines it; refuse the unknown. */
function importNames(
  project: PythonProject,
  options: ExportsOptions,
  bound: ReadonlySet<string>,
  plan: PlanBuilder,
): void {
  const missing: string[] = [];
  for (const name of options.names.filter((n) => !bound.has(n))) {
    const source = findNameSource(project, name, options.file);
    if (source.kind === 'import') {
      plan.addImport(options.file, source.request);
      plan.info('add-code/import', `${options.file}: ${describe(source.request)} (${source.why})`, {
        file: options.file,
      });
    } else {
      missing.push(
        source.kind === 'ambiguous'
          ? `${name} (several candidates: ${source.candidates.join('; ')})`
          : name,
      );
    }
  }
  if (missing.length > 0) {
    refuse(
      problem('add-code/unknown-export', `no module of the project defines ${missing.join(', ')}`, {
        file: options.file,
      }),
    );
  }
}

/** Plan kind `exports`. */
export function planExports(
  project: PythonProject,
  options: ExportsOptions,
  plan: PlanBuilder,
): void {
  const module = openModule(project, options.file, 'add-code');
  const all = literalDunderAll(module.tree);
  if (!all) {
    refuse(
      problem(
        'add-code/no-dunder-all',
        `${options.file} has no literal \`__all__\` list to add the names to`,
        {
          file: options.file,
          hint: 'add `__all__ = [...]` by hand first, or map the finding to manual',
        },
      ),
    );
  }
  const bound = new Set(project.analysis(options.file)?.globalNames() ?? []);
  importNames(project, options, bound, plan);
  const edit = addToDunderAll(module.text, module.tree, options.names);
  if (edit) plan.edit(options.file, edit);
  const listed = options.names.filter((n) => !all.names.includes(n));
  const where = { file: options.file };
  if (listed.length > 0)
    plan.info(
      'add-code/added',
      `${options.file} exports ${listed.map((n) => `\`${n}\``).join(', ')}`,
      where,
    );
  else if (options.names.every((n) => bound.has(n))) {
    plan.info(
      'add-code/exports-present',
      `${options.file} already imports and lists ${options.names.join(', ')}`,
      where,
    );
  }
}
