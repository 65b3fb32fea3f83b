/**
 * settings as a pure planner: the class (existing, or new in its own module), its
 * fields, and the wiring — keyword arguments of named calls first (a field the finding
 * gives no default takes the literal it replaces, so behaviour does not change), then
 * the environment reads of named files.
 */
import {
  type FieldSpec,
  parseFieldSpecs,
  planFieldInsertion,
} from '../../src/python/add-fields.js';
import { type ChangePlan, PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { ownFields } from '../../src/python/class-fields.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { type EnvField, planEnvReads } from './env-reads.js';
import { planKeywordWiring } from './kwargs.js';
import type { SettingsOptions } from './options.js';
import { createsClass, existingSettingsClass, planNewSettingsClass } from './settings-class.js';

interface Declared extends EnvField {
  readonly spec: FieldSpec;
}

function declared(specs: readonly FieldSpec[]): Declared[] {
  return specs.map((spec) => {
    const m = /^[A-Za-z_]\w*\s*:\s*(.+?)(?:\s*=\s*(.+))?$/s.exec(spec.text)!;
    return { spec, name: spec.name, annotation: m[1]!.trim(), defaultText: m[2]?.trim() };
  });
}

/**
 * Fields without a default take the literal their wiring replaced (or, when the class
 * already declares the field, that declaration: a second run).
 */
function completed(
  fields: readonly Declared[],
  literals: ReadonlyMap<string, string>,
  declaredAlready: ReadonlyMap<string, string> = new Map(),
): FieldSpec[] {
  return fields.map((f) => {
    if (f.defaultText !== undefined) return f.spec;
    const existing = declaredAlready.get(f.name);
    if (existing !== undefined) return { name: f.name, text: existing };
    const literal = literals.get(f.name);
    if (literal === undefined) {
      refuse(
        problem(
          'settings/no-default',
          `\`${f.name}\` has no default in the finding and no literal in the code to take it from`,
          { hint: 'give the field a default' },
        ),
      );
    }
    return { name: f.name, text: `${f.name}: ${f.annotation} = ${literal}` };
  });
}

export function planSettings(project: PythonProject, options: SettingsOptions): ChangePlan {
  const plan = new PlanBuilder();
  const fields = declared(parseFieldSpecs(options.fields, 'settings'));
  const wire = options.wire;
  if (createsClass(project, options)) {
    const cls = planNewSettingsClass(project, options, completed(fields, new Map()), plan);
    for (const file of wire.files ?? []) planEnvReads(project, cls, fields, file, plan);
    if (wire.calls?.length) planKeywordWiring(project, cls, fields, wire.calls, plan);
    return plan.build();
  }
  const cls = existingSettingsClass(project, options);
  const literals = wire.calls?.length
    ? planKeywordWiring(project, cls, fields, wire.calls, plan)
    : new Map<string, string>();
  const added = planFieldInsertion(
    project,
    { path: cls.path, cls: cls.cls },
    completed(fields, literals, new Map(ownFields(cls.cls).map((f) => [f.name, f.statement.text]))),
    plan,
    'settings',
  );
  if (added.length > 0) {
    plan.info(
      'settings/fields',
      `adds ${added.map((f) => `\`${f.name}\``).join(', ')} to \`${cls.name}\` (${cls.path})`,
      { file: cls.path },
    );
  }
  for (const file of wire.files ?? []) planEnvReads(project, cls, fields, file, plan);
  return plan.build();
}
