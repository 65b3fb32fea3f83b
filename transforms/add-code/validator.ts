/**
 * add-code, kind `validator`: a pydantic validator written from the finding's stated
 * predicate and placed after the class's validators (else after its fields). Before
 * anything is written the predicate is checked against the class: every field it reads
 * must exist (else the plan stops, naming the class that does have such a field), and
 * the class's own defaults must pass it (else the plan stops: a validator that rejects
 * the documented default would break every instance that keeps it).
 */

import { type PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import {
  allFields,
  type ClassField,
  classesWithField,
  defaultValue,
  moduleConstants,
} from '../../src/python/class-fields.js';
import { compareExisting, locateClass, refuseDifferent } from '../../src/python/code-target.js';
import { hasFutureAnnotations } from '../../src/python/imports.js';
import { evaluate, pyRepr, truthy } from '../../src/python/literal-eval.js';
import { identifierReads } from '../../src/python/name-reads.js';
import { findNameSource } from '../../src/python/name-sources.js';
import { type Node, parsePython } from '../../src/python/parser.js';
import { classInsertion } from '../../src/python/placement.js';
import { isBuiltin } from '../../src/python/project/builtins.js';
import type { PythonProject } from '../../src/python/project/project.js';
import {
  fieldValidatorMethod,
  isExpression,
  modelValidatorMethod,
  validatorName,
} from '../../src/python/validator-code.js';
import type { PredicateOptions, ValidatorOptions } from './options.js';

interface Names {
  /** Names read as values (fields, constants). */
  readonly values: string[];
  /** Names called or used as `name.attr` (functions, modules). */
  readonly globals: string[];
}

/** The identifiers a predicate reads, split into values and callables/modules. */
function namesOf(expression: string): Names {
  const tree = parsePython(expression);
  try {
    const values = new Set<string>();
    const globals = new Set<string>();
    for (const id of identifierReads(tree.rootNode)) {
      const parent = id.parent;
      if (!parent) continue;
      const called = parent.type === 'call' && parent.childForFieldName('function')?.id === id.id;
      const base = parent.type === 'attribute' && parent.childForFieldName('object')?.id === id.id;
      (called || base ? globals : values).add(id.text);
    }
    return { values: [...values], globals: [...globals] };
  } finally {
    tree.delete();
  }
}

function unknownField(
  project: PythonProject,
  className: string,
  path: string,
  line: number,
  name: string,
  fields: readonly ClassField[],
): never {
  const owners = classesWithField(project, name).map((c) => `\`${c.name}\` (${c.path}:${c.line})`);
  const known = fields.map((f) => f.name).join(', ') || 'none';
  const elsewhere = owners.length
    ? `; \`${name}\` is a field of ${owners.join(', ')}, a different class`
    : '';
  refuse(
    problem(
      'add-code/unknown-field',
      `field \`${name}\` does not exist on \`${className}\` (${path}:${line}); its fields are ${known}${elsewhere}`,
      {
        file: path,
        line,
        hint: 'the finding is wrong against the code: correct the field name (a config entry with the right options), then run again',
      },
    ),
  );
}

/** "range 0-299" for `0 <= x <= 299`, else the predicate in backticks. */
function describePredicate(expression: string): string {
  const range = /^\s*(-?\d+)\s*<=?\s*\w+\s*<=?\s*(-?\d+)\s*$/.exec(expression);
  return range ? `range ${range[1]}-${range[2]}` : `check \`${expression}\``;
}

/** Refuses when the class's defaults fail the predicate (when every default read is known). */
/** The defaults of the fields read, shown as `name = value`, in an environment; undefined when one is unknown. */
function defaultsOf(
  project: PythonProject,
  path: string,
  fields: readonly ClassField[],
  read: readonly string[],
) {
  const tree = project.source.tree(path);
  if (!tree) return undefined;
  const constants = moduleConstants(tree);
  const env = new Map(constants);
  const shown: string[] = [];
  for (const name of read) {
    const field = fields.find((f) => f.name === name);
    const value = field ? defaultValue(field, constants) : undefined;
    if (value === undefined) return undefined;
    env.set(name, value);
    const via =
      field!.value && field!.value.text !== pyRepr(value) ? ` (${field!.value.text})` : '';
    shown.push(`${name} = ${pyRepr(value)}${via}`);
  }
  return { env, shown };
}

/**
 * Check the class's defaults against the predicate: refuses when they fail it; returns
 * whether they could be checked at all (an unchecked validator is an unsafe fix).
 */
function checkDefaults(
  project: PythonProject,
  path: string,
  fields: readonly ClassField[],
  read: readonly string[],
  predicate: PredicateOptions,
): boolean {
  if (predicate.sense === 'call' || read.length === 0) return false;
  const defaults = defaultsOf(project, path, fields, read);
  if (!defaults) return false;
  const { env, shown } = defaults;
  const parsed = parsePython(predicate.expression);
  try {
    const expr = parsed.rootNode.namedChild(0)?.namedChild(0);
    const result = expr ? evaluate(expr, env) : undefined;
    if (result === undefined) return false;
    const rejects = predicate.sense === 'require' ? !truthy(result) : truthy(result);
    if (!rejects) return true;
    const field = fields.find((f) => f.name === read[0])!;
    const what =
      read.length === 1
        ? `the field's default ${pyRepr(env.get(read[0]!)!)}`
        : `the defaults ${shown.join(', ')}`;
    refuse(
      problem(
        'add-code/default-rejected',
        `the validator's ${describePredicate(predicate.expression)} rejects ${what} (${shown.join(', ')}, ${field.owner} at ${path}:${field.line}): every instance that keeps the default would fail validation`,
        {
          file: path,
          line: field.line,
          hint: 'the finding is wrong against the code: fix the predicate or the default first',
        },
      ),
    );
  } finally {
    parsed.delete();
  }
}

/** The fields the predicate reads; refuses names that are neither fields nor known globals. */
function fieldsRead(
  project: PythonProject,
  options: ValidatorOptions,
  path: string,
  line: number,
  fields: readonly ClassField[],
): string[] {
  const { values } = namesOf(options.predicate.expression);
  const fieldNames = new Set(fields.map((f) => f.name));
  const constants = moduleConstants(project.source.tree(path)!);
  if (options.scope === 'field') {
    const field = options.field ?? values[0];
    if (!field || !fieldNames.has(field))
      unknownField(project, options.class, path, line, field ?? '(none)', fields);
    return [field];
  }
  const read = values.filter((n) => fieldNames.has(n));
  for (const name of values) {
    if (fieldNames.has(name) || isBuiltin(name) || constants.has(name)) continue;
    unknownField(project, options.class, path, line, name, fields);
  }
  return read;
}

function methodCode(
  options: ValidatorOptions,
  fields: readonly ClassField[],
  read: readonly string[],
  name: string,
  postponed: boolean,
): string {
  if (options.scope === 'field') {
    const field = fields.find((f) => f.name === read[0])!;
    return fieldValidatorMethod({
      name,
      field: field.name,
      annotation: field.annotation,
      predicate: options.predicate,
    });
  }
  return modelValidatorMethod({
    name,
    className: options.class,
    fields: read,
    predicate: options.predicate,
    postponed,
  });
}

/** True when the class has the method with this code; refuses when it has it with other code. */
function alreadyThere(
  text: string,
  cls: Node,
  label: string,
  code: string,
  path: string,
  plan: PlanBuilder,
): boolean {
  const name = label.split('.').pop()!;
  const existing = compareExisting(text, cls, name, code);
  if (existing.state === 'different')
    refuseDifferent('add-code', path, text, existing.statement!, `\`${label}\``, code);
  if (existing.state !== 'identical') return false;
  const where = { file: path, line: existing.statement!.startPosition.row + 1 };
  plan.info(
    'add-code/exists-identical',
    `\`${label}\` is already in ${path} with this code`,
    where,
  );
  return true;
}

/** Plan kind `validator`. */
export function planValidator(
  project: PythonProject,
  options: ValidatorOptions,
  plan: PlanBuilder,
): void {
  if (!isExpression(options.predicate.expression)) {
    refuse(
      problem(
        'add-code/bad-predicate',
        `\`${options.predicate.expression}\` is not a Python expression`,
      ),
    );
  }
  const { path, cls } = locateClass(project, options.class, options.file, 'add-code');
  const line = cls.startPosition.row + 1;
  const fields = allFields(project, { path, node: cls, name: options.class, line });
  const read = fieldsRead(project, options, path, line, fields);
  if (!checkDefaults(project, path, fields, read, options.predicate)) {
    plan.risk(
      path,
      `remedy could not check the defaults of ${options.class} against \`${options.predicate.expression}\``,
    );
  }
  const tree = project.source.tree(path)!;
  const text = project.text(path)!;
  const name = options.name ?? validatorName(read, new Set());
  const code = methodCode(options, fields, read, name, hasFutureAnnotations(tree));
  if (alreadyThere(text, cls, `${options.class}.${name}`, code, path, plan)) return;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  plan.edit(path, classInsertion(text, cls, 'validator', code, eol));
  const decorator = options.scope === 'field' ? 'field_validator' : 'model_validator';
  plan.addImport(path, { module: 'pydantic', name: decorator });
  planPredicateImports(project, path, options.predicate.expression, plan);
  plan.info(
    'add-code/added',
    `adds validator \`${name}\` (${describePredicate(options.predicate.expression)}) to class ${options.class} in ${path}`,
    { file: path, line },
  );
}

/** Imports for the functions and modules the predicate calls (`make_url`, `re`). */
function planPredicateImports(
  project: PythonProject,
  path: string,
  expression: string,
  plan: PlanBuilder,
): void {
  const { globals } = namesOf(expression);
  const missing: string[] = [];
  for (const name of globals) {
    if (isBuiltin(name) || (project.analysis(path)?.globalBindings(name).length ?? 0) > 0) continue;
    const source = findNameSource(project, name, path);
    if (source.kind === 'import') plan.addImport(path, source.request);
    else missing.push(name);
  }
  if (missing.length > 0) {
    refuse(
      problem(
        'add-code/unresolved-name',
        `the predicate uses names no import was found for: ${missing.join(', ')}`,
        { file: path },
      ),
    );
  }
}
