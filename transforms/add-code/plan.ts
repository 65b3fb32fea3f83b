/**
 * add-code as a pure planner: options in, a `ChangePlan` out (edits per file, imports,
 * notes), or a `PlanRefusal` naming file and line. Nothing here knows the engine.
 */
import { type ChangePlan, PlanBuilder } from '../../src/python/change-plan.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { planDefinitions } from './definitions.js';
import { planExports } from './exports.js';
import { planFields } from './fields.js';
import type { AddCodeOptions } from './options.js';
import { planValidator } from './validator.js';

export function planAddCode(project: PythonProject, options: AddCodeOptions): ChangePlan {
  const plan = new PlanBuilder();
  switch (options.kind) {
    case 'definitions':
      planDefinitions(project, options, plan);
      break;
    case 'fields':
      planFields(project, options, plan);
      break;
    case 'validator':
      planValidator(project, options, plan);
      break;
    case 'exports':
      planExports(project, options, plan);
      break;
  }
  for (const rest of options.also ?? []) {
    plan.undone(
      'add-code/not-done',
      `the finding also asks for this, which add-code does not do: ${rest}`,
    );
  }
  return plan.build();
}
