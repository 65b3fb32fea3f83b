/**
 * consolidate-helpers as a pure planner: write the new function into the target module
 * (identical already there: kept; different: refused with a diff), then, per copy, move
 * every use that is proven interchangeable and delete the copy once nothing uses it,
 * and replace the inline checks that are the function written out. What is not proven
 * is listed (the finding is then partial); a copy that cannot be found stops the plan.
 */
import { type ChangePlan, PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { compareExisting, openModule, refuseDifferent } from '../../src/python/code-target.js';
import { addToDunderAll } from '../../src/python/dunder-all.js';
import { readNewCode } from '../../src/python/new-code.js';
import { importsForNewCode, requestNeededImports } from '../../src/python/new-code-imports.js';
import { type Node, parsePython } from '../../src/python/parser.js';
import { moduleInsertion } from '../../src/python/placement.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { compare, specialise, type Verdict } from './equivalence.js';
import { planInline } from './inline.js';
import type { ConsolidateOptions } from './options.js';
import { type Copy, derivesFrom, type NewFunction, newFunction, raisedNames } from './spec.js';
import { type Destination, moveUses } from './uses.js';

/** The copy by its name, or by the name without leading underscores when it was made public since. */
function renamedCopy(
  project: PythonProject,
  copy: { file: string; name: string },
  plan: PlanBuilder,
) {
  const functionNamed = (n: string) =>
    (project.analysis(copy.file)?.globalBindings(n) ?? []).find((b) => b.kind === 'function');
  const binding = functionNamed(copy.name);
  const current = copy.name.replace(/^_+/, '');
  const renamed = !binding && current !== copy.name ? functionNamed(current) : undefined;
  if (!renamed) return { name: copy.name, binding };
  const message = `\`${copy.name}\` is now \`${current}\` in ${copy.file} (renamed since the finding was written)`;
  plan.warn('consolidate-helpers/copy-renamed', message, { file: copy.file });
  return { name: current, binding: renamed };
}

/** Whether `file` already imports (or is) the new function: a copy gone from it was consolidated. */
function consolidated(project: PythonProject, file: string, options: ConsolidateOptions): boolean {
  if (file === options.target) return true;
  const target = project.moduleName(options.target);
  const bindings = project.analysis(file)?.globalBindings(options.name) ?? [];
  return bindings.some((b) => project.importTarget(file, b) === `${target}.${options.name}`);
}

function locateCopy(
  project: PythonProject,
  copy: { file: string; name: string },
  options: ConsolidateOptions,
  plan: PlanBuilder,
): Copy | undefined {
  const { file } = copy;
  const { name, binding } = renamedCopy(project, copy, plan);
  if (!binding && consolidated(project, file, options)) {
    const message = `\`${name}\` is no longer in ${file}, which uses \`${options.name}\``;
    plan.info('consolidate-helpers/copy-gone', message, { file });
    return undefined;
  }
  if (!binding) {
    refuse(
      problem('consolidate-helpers/unknown-copy', `no function \`${name}\` in ${file}`, {
        file,
        hint: 'the finding names a helper the code does not have',
      }),
    );
  }
  const def = binding.statement;
  const params: string[] = [];
  const defaults = new Map<string, string>();
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    const nameNode =
      p?.type === 'identifier' ? p : (p?.childForFieldName('name') ?? p?.namedChild(0));
    const pname = nameNode?.type === 'identifier' ? nameNode.text : '';
    if (!pname) continue;
    params.push(pname);
    const value = p?.childForFieldName('value');
    if (value) defaults.set(pname, value.text);
  }
  return { file, name, def, params, defaults };
}

/** Bind a call's arguments to the copy's parameters; undefined when it passes something `fn` cannot take. */
function bindCall(call: Node, copy: Copy, fn: NewFunction): Map<string, string> | string {
  const values = new Map(copy.defaults);
  let position = 0;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    const param =
      arg.type === 'keyword_argument'
        ? arg.childForFieldName('name')?.text
        : copy.params[position++];
    if (!param || arg.type.includes('splat')) return `it passes \`${arg.text}\``;
    const index = copy.params.indexOf(param);
    if (index >= fn.params.length)
      return `it passes \`${param}\` (${oneLine(arg.text)}), which \`${fn.name}\` has no parameter for`;
    if (arg.type === 'keyword_argument' && fn.params[index] !== param) {
      return `it passes \`${param}=\` by keyword, which \`${fn.name}\` calls \`${fn.params[index]}\``;
    }
    values.delete(param);
  }
  return values;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 60);
}

function verdictFor(
  project: PythonProject,
  copy: Copy,
  fn: NewFunction,
  stated: ConsolidateOptions['behaviour'],
) {
  const text = project.text(copy.file)!;
  return (call: Node): Verdict => {
    const values = bindCall(call, copy, fn);
    if (typeof values === 'string') return { kind: 'different', why: values };
    const kept = copy.params.filter((p) => !values.has(p)).length;
    return compare(fn, specialise(text, copy, kept, values), copy.name, stated);
  };
}

/** Add the new function to the target (or find it there already). */
function planFunction(
  project: PythonProject,
  options: ConsolidateOptions,
  fn: NewFunction,
  users: readonly string[],
  plan: PlanBuilder,
): void {
  const module = openModule(project, options.target, 'consolidate-helpers');
  const existing = compareExisting(module.text, module.tree.rootNode, fn.name, fn.text);
  if (existing.state === 'identical') {
    plan.info(
      'consolidate-helpers/exists-identical',
      `\`${fn.name}\` is already in ${options.target}`,
      { file: options.target },
    );
    return;
  }
  if (existing.state === 'different') {
    const label = `\`${fn.name}\``;
    refuseDifferent(
      'consolidate-helpers',
      options.target,
      module.text,
      existing.statement!,
      label,
      fn.text,
    );
  }
  const read = readNewCode(fn.text);
  if (typeof read === 'string')
    refuse(problem('consolidate-helpers/bad-code', read, { file: options.target }));
  const needs = importsForNewCode(project, options.target, read);
  requestNeededImports(plan, options.target, needs, 'consolidate-helpers', `\`${fn.name}\``);
  const item = { kind: 'function' as const, text: fn.text, decorators: [], usedBy: users };
  plan.edit(options.target, moduleInsertion(module.text, module.tree, item, module.eol));
  const all = fn.name.startsWith('_')
    ? undefined
    : addToDunderAll(module.text, module.tree, [fn.name]);
  if (all) plan.edit(options.target, all);
  plan.info('consolidate-helpers/added', `adds \`${fn.name}\` to ${options.target}`, {
    file: options.target,
  });
}

/** Callers of the copy that catch what it raised: do they still catch what the new function raises? */
function exceptionRisk(
  project: PythonProject,
  target: string,
  copy: Copy,
  fn: NewFunction,
): string | undefined {
  const tree = parsePython(fn.text);
  try {
    const def = tree.rootNode.descendantsOfType('function_definition')[0];
    const raised = def ? raisedNames(def) : [];
    const old = raisedNames(copy.def);
    const lost = old.filter((o) => !raised.every((r) => derivesFrom(project, target, r, o)));
    if (lost.length === 0) return undefined;
    return `\`${fn.name}\` raises ${raised.join(', ')}, which is not a ${lost.join(', ')}: code that catches what \`${copy.name}\` raised may no longer catch it`;
  } finally {
    tree.delete();
  }
}

export function planConsolidation(project: PythonProject, options: ConsolidateOptions): ChangePlan {
  const plan = new PlanBuilder();
  const copies = options.copies
    .map((c) => locateCopy(project, c, options, plan))
    .filter((c): c is Copy => !!c);
  const fn = newFunction(project, options, copies);
  const module = project.moduleName(options.target);
  if (!module)
    refuse(
      problem(
        'consolidate-helpers/no-module',
        `${options.target} is not importable (no module name under the import roots)`,
        { file: options.target },
      ),
    );
  const dest: Destination = { path: options.target, module, fn };
  for (const copy of copies) {
    const general = compare(
      fn,
      specialise(project.text(copy.file)!, copy, copy.params.length, new Map()),
      copy.name,
      options.behaviour,
    );
    const deleted = moveUses(
      project,
      copy,
      dest,
      general,
      verdictFor(project, copy, fn, options.behaviour),
      plan,
      exceptionRisk(project, options.target, copy, fn),
    );
    if (!deleted)
      plan.info(
        'consolidate-helpers/copy-kept',
        `\`${copy.name}\` (${copy.file}) stays: some of its uses stay, each listed with why`,
        { file: copy.file },
      );
  }
  for (const entry of options.inline) planInline(project, dest, entry, options.behaviour, plan);
  const users = options.copies.filter((c) => c.file === options.target).map((c) => c.name);
  planFunction(project, options, fn, users, plan);
  return plan.build();
}
