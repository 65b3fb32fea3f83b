/**
 * add-code, kind `fields`: annotated fields added to a class after its fields
 * (`src/python/add-fields.ts` does the work: identical is skipped, different refused).
 */
import { parseFieldSpecs, planFieldInsertion } from '../../src/python/add-fields.js';
import type { PlanBuilder } from '../../src/python/change-plan.js';
import { locateClass } from '../../src/python/code-target.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { FieldsOptions } from './options.js';

/** Plan kind `fields`. */
export function planFields(
  project: PythonProject,
  options: FieldsOptions,
  plan: PlanBuilder,
): void {
  const specs = parseFieldSpecs(options.fields, 'add-code');
  const located = locateClass(project, options.class, options.file, 'add-code');
  const added = planFieldInsertion(project, located, specs, plan, 'add-code');
  if (added.length > 0) {
    const names = added.map((s) => `\`${s.name}\``).join(', ');
    plan.info('add-code/added', `adds ${names} to class ${options.class} in ${located.path}`, {
      file: located.path,
    });
  }
}
