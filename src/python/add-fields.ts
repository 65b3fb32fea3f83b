/**
 * Add annotated fields (`async_pool_size: int = 10`) to a class, after its fields: a
 * field the class (or a first-party base) already declares the same way is skipped, one
 * declared differently stops the plan with both declarations; the names the
 * declarations read (`Field`, `SecretStr`) are imported. Shared by add-code and settings;
 * `code` is the diagnostic prefix of the caller (`add-code`, `settings`).
 */
import { type PlanBuilder, problem, refuse } from './change-plan.js';
import { allFields, type ClassField } from './class-fields.js';
import { readNewCode } from './new-code.js';
import { importsForNewCode, requestNeededImports } from './new-code-imports.js';
import type { Node } from './parser.js';
import { classInsertion } from './placement.js';
import type { PythonProject } from './project/project.js';
import { sameCode } from './tokens.js';

export interface FieldSpec {
  readonly name: string;
  /** The declaration at column 0 (`name: type = default`). */
  readonly text: string;
}

/** Parse `name: type = default` declarations; refuses one that is not a field declaration. */
export function parseFieldSpecs(declarations: readonly string[], code: string): FieldSpec[] {
  return declarations.map((declaration) => {
    const text = declaration.trim();
    const read = readNewCode(text);
    const items = typeof read === 'string' ? [] : read.items;
    const item = items.length === 1 && items[0]!.kind === 'assignment' ? items[0] : undefined;
    if (!item || !/^[A-Za-z_]\w*\s*:/.test(text)) {
      refuse(
        problem(
          `${code}/bad-field`,
          `\`${text}\` is not a field declaration (\`name: type = default\`)`,
          {
            hint: 'give each field as `name: type` or `name: type = default`',
          },
        ),
      );
    }
    return { name: item.name!, text };
  });
}

/** Plan the fields into `cls` of `path`: skip identical, refuse different; returns the added ones. */
export function planFieldInsertion(
  project: PythonProject,
  located: { path: string; cls: Node },
  specs: readonly FieldSpec[],
  plan: PlanBuilder,
  code: string,
): FieldSpec[] {
  const text = project.text(located.path) ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const existing = new Map<string, ClassField>();
  const className = located.cls.childForFieldName('name')?.text ?? '';
  for (const f of allFields(project, { ...located, node: located.cls, name: className, line: 0 })) {
    existing.set(f.name, f);
  }
  const added: FieldSpec[] = [];
  for (const spec of specs) {
    const old = existing.get(spec.name);
    const where = { file: located.path, line: old?.line };
    if (old && sameCode(old.statement.text, spec.text)) {
      plan.info(
        `${code}/field-exists`,
        `\`${className}.${spec.name}\` is already declared as \`${spec.text}\``,
        where,
      );
      continue;
    }
    if (old) {
      refuse(
        problem(
          `${code}/field-differs`,
          `\`${className}.${spec.name}\` is already declared as \`${old.statement.text}\` (${located.path}:${old.line}); the finding declares \`${spec.text}\``,
          {
            ...where,
            hint: 'change the field by hand, or drop it from the finding',
          },
        ),
      );
    }
    added.push(spec);
  }
  if (added.length === 0) return added;
  const block = added.map((s) => s.text).join('\n');
  plan.edit(located.path, classInsertion(text, located.cls, 'field', block, eol));
  const read = readNewCode(block);
  if (typeof read !== 'string') {
    const needs = importsForNewCode(project, located.path, read);
    requestNeededImports(plan, located.path, needs, code, 'the fields');
  }
  return added;
}
