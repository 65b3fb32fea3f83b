/**
 * insert-guard-call as a pure planner: for each module-level function of the file that
 * has one of the named parameters, a call `validator(parameter)` per parameter, in
 * parameter order, as the first statements after the docstring — `if p is not None:`
 * around it when the parameter can be `None`. A function that already calls the
 * validator on a parameter is left as it is for that parameter. When the module does
 * not define the validator, it is written from the finding's specification and placed
 * before the first function that calls it.
 */
import { Edit } from '../../src/core/edit.js';
import { type ChangePlan, PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { openModule } from '../../src/python/code-target.js';
import { readNewCode } from '../../src/python/new-code.js';
import {
  importsForNewCode,
  moduleBinds,
  requestNeededImports,
} from '../../src/python/new-code-imports.js';
import type { Node } from '../../src/python/parser.js';
import { moduleInsertion } from '../../src/python/placement.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { validatorFunction } from '../../src/python/validator-code.js';
import type { GuardCallOptions } from './options.js';
import { type GuardedParameter, guardInsertionPoint, parametersOf } from './parameters.js';

type Module = ReturnType<typeof openModule>;

/** Module-level functions (decorated ones too), by name. */
function moduleFunctions(module: Module): Node[] {
  const out: Node[] = [];
  for (const s of module.tree.rootNode.namedChildren) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition') out.push(def);
  }
  return out;
}

function nameOf(def: Node): string {
  return def.childForFieldName('name')?.text ?? '';
}

/** Whether `def` already calls `validator(param)` (anywhere in its body). */
function alreadyGuarded(def: Node, validator: string, param: string): boolean {
  return def.descendantsOfType('call').some((c) => {
    if (c?.childForFieldName('function')?.text !== validator) return false;
    const args = c.childForFieldName('arguments')?.namedChildren ?? [];
    return args[0]?.text === param;
  });
}

function guardLines(
  validator: string,
  params: readonly GuardedParameter[],
  indent: string,
  eol: string,
): string {
  return params
    .map((p) =>
      p.noneable
        ? `${indent}if ${p.name} is not None:${eol}${indent}    ${validator}(${p.name})${eol}`
        : `${indent}${validator}(${p.name})${eol}`,
    )
    .join('');
}

function targets(module: Module, options: GuardCallOptions): Node[] {
  const all = moduleFunctions(module).filter((d) => nameOf(d) !== options.validator);
  if (!options.functions) {
    return all.filter((d) => parametersOf(d).some((p) => options.parameters.includes(p.name)));
  }
  const missing = options.functions.filter((f) => !all.some((d) => nameOf(d) === f));
  if (missing.length > 0) {
    refuse(
      problem(
        'insert-guard-call/unknown-function',
        `no module-level function ${missing.map((m) => `\`${m}\``).join(', ')} in ${options.file}`,
        { file: options.file },
      ),
    );
  }
  return all.filter((d) => options.functions!.includes(nameOf(d)));
}

/** Plan the calls in one function; returns whether it calls the validator now. */
function guardFunction(
  module: Module,
  def: Node,
  options: GuardCallOptions,
  plan: PlanBuilder,
): boolean {
  const where = { file: module.path, line: def.startPosition.row + 1 };
  const wanted = parametersOf(def).filter((p) => options.parameters.includes(p.name));
  const todo = wanted.filter((p) => !alreadyGuarded(def, options.validator, p.name));
  if (todo.length === 0) {
    plan.info(
      'insert-guard-call/already-guarded',
      `\`${nameOf(def)}\` already calls \`${options.validator}\` on ${wanted.map((p) => p.name).join(', ')}`,
      where,
    );
    return false;
  }
  const point = guardInsertionPoint(module.text, def);
  if (!point) {
    plan.undone(
      'insert-guard-call/no-body-line',
      `\`${nameOf(def)}\` has its body on the \`def\` line; calls not inserted`,
      where,
    );
    return false;
  }
  plan.edit(
    module.path,
    Edit.insert(point.at, guardLines(options.validator, todo, point.indent, module.eol)),
  );
  const notes = todo.map((p) =>
    p.noneable ? `${p.name} (may be None: ${p.evidence}, checked only when not None)` : p.name,
  );
  plan.info('insert-guard-call/guarded', `\`${nameOf(def)}\` validates ${notes.join(', ')}`, where);
  return true;
}

/** Write the validator from the specification when the module lacks it. */
function planValidator(
  project: PythonProject,
  module: Module,
  options: GuardCallOptions,
  users: readonly string[],
  plan: PlanBuilder,
): void {
  if (moduleBinds(project, module.path, options.validator)) return;
  if (!options.create) {
    refuse(
      problem(
        'insert-guard-call/unknown-validator',
        `\`${options.validator}\` is not defined in ${module.path} and the finding does not specify it`,
        {
          file: module.path,
          hint: 'add the validator first (add-code), or give its specification in option `create`',
        },
      ),
    );
  }
  const code = validatorFunction({ name: options.validator, ...options.create });
  const read = readNewCode(code);
  if (typeof read === 'string')
    refuse(
      problem(
        'insert-guard-call/bad-validator',
        `the validator's specification does not make valid code: ${read}`,
        { file: module.path },
      ),
    );
  const needs = importsForNewCode(project, module.path, read);
  requestNeededImports(plan, module.path, needs, 'insert-guard-call', 'the validator');
  const item = { kind: 'function' as const, text: code, decorators: [], usedBy: users };
  plan.edit(module.path, moduleInsertion(module.text, module.tree, item, module.eol));
  plan.info(
    'insert-guard-call/validator-added',
    `adds \`${options.validator}\` to ${module.path}, from the finding's specification`,
    { file: module.path },
  );
}

export function planGuardCalls(project: PythonProject, options: GuardCallOptions): ChangePlan {
  const plan = new PlanBuilder();
  const module = openModule(project, options.file, 'insert-guard-call');
  const functions = targets(module, options);
  if (functions.length === 0) {
    refuse(
      problem(
        'insert-guard-call/no-function',
        `no module-level function of ${options.file} has a parameter named ${options.parameters.join(', ')}`,
        { file: options.file },
      ),
    );
  }
  const users = functions.filter((d) => guardFunction(module, d, options, plan)).map(nameOf);
  const covered = new Set(functions.flatMap((d) => parametersOf(d).map((p) => p.name)));
  for (const p of options.parameters.filter((p) => !covered.has(p))) {
    plan.warn(
      'insert-guard-call/unused-parameter',
      `no function of ${options.file} has a parameter \`${p}\``,
      { file: options.file },
    );
  }
  if (users.length > 0) planValidator(project, module, options, users, plan);
  return plan.build();
}
