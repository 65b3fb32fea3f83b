/**
 * add-code as a pure planner: options in, a `ChangePlan` out (edits per file, imports,
 * notes), or a `PlanRefusal` naming file and line. Nothing here knows the engine.
 */
import { type ChangePlan, PlanBuilder } from '../../src/python/change-plan.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { planDefinitions } from './definitions.js';
import type { AddCodeOptions } from './options.js';

export function planAddCode(project: PythonProject, options: AddCodeOptions): ChangePlan {
  const plan = new PlanBuilder();
  switch (options.kind) {
    case 'definitions':
      planDefinitions(project, options, plan);
      break;
    default:
      throw new Error(`add-code kind ${options.kind} is not implemented yet`);
  }
  return plan.build();
}
