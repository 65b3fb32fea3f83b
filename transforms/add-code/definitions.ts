/**
 * add-code, kind `definitions`: paste the finding's block — functions, classes,
 * fixtures, module-level assignments — into a module or a class. Each item that already
 * exists with the same code is skipped; one that exists with other code stops the plan
 * with a diff. New public names join a literal `__all__`; type variables the code uses
 * are declared; every other free name is imported or the plan is refused.
 */
import {
  type PlanBuilder,
  PlanNotApplicable,
  problem,
  refuse,
} from '../../src/python/change-plan.js';
import {
  classNamed,
  compareExisting,
  openModule,
  refuseDifferent,
  type Target,
  unknownClass,
} from '../../src/python/code-target.js';
import { addToDunderAll } from '../../src/python/dunder-all.js';
import type { ElementType } from '../../src/python/element-type.js';
import { type NewCode, type NewItem, readNewCode, renameReads } from '../../src/python/new-code.js';
import {
  importsForNewCode,
  moduleBinds,
  renamedSince,
  requestNeededImports,
} from '../../src/python/new-code-imports.js';
import { type ClassItemKind, classInsertion, moduleInsertion } from '../../src/python/placement.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { planCallSites } from './call-sites.js';
import type { DefinitionsOptions } from './options.js';

/** Read the finding's code; refuses a sketch or code that does not parse. */
export function readCodeOrRefuse(code: string, file: string): NewCode {
  const read = readNewCode(code);
  if (typeof read === 'string') {
    // A sketch is for a person to finish, not a failed step.
    if (read.includes('sketch')) throw new PlanNotApplicable(read);
    const kind = 'unparsable-code';
    refuse(
      problem(`add-code/${kind}`, read, {
        file,
        hint: 'write the code out in full, or map the finding to manual',
      }),
    );
  }
  return read;
}

function classItemKind(item: NewItem): ClassItemKind {
  if (item.kind === 'assignment' && /^\w+\s*:/.test(item.text)) return 'field';
  return item.decorators.some((d) => /validator$/.test(d)) ? 'validator' : 'method';
}

/** Items to insert: absent ones; identical ones are noted, different ones refuse the plan. */
function itemsToAdd(target: Target, code: NewCode, plan: PlanBuilder): NewItem[] {
  const scope = target.cls ?? target.tree.rootNode;
  const out: NewItem[] = [];
  for (const item of code.items) {
    if (item.kind === 'import') continue;
    if (!item.name) {
      refuse(
        problem(
          'add-code/not-a-definition',
          `the finding's code has a statement that defines nothing: \`${item.text.split('\n')[0]}\` (line ${item.line} of the block)`,
          { file: target.path },
        ),
      );
    }
    const found = compareExisting(target.text, scope, item.name, item.text);
    const where = { file: target.path, line: (found.statement?.startPosition.row ?? 0) + 1 };
    if (found.state === 'identical') {
      plan.info(
        'add-code/exists-identical',
        `\`${item.name}\` is already in ${target.path} with this code`,
        where,
      );
    } else if (found.state === 'different') {
      refuseDifferent(
        'add-code',
        target.path,
        target.text,
        found.statement!,
        `\`${item.name}\``,
        item.text,
      );
    } else out.push(item);
  }
  return out;
}

function typeVarItem(name: string, bound: string | undefined): NewItem {
  const text = bound
    ? `${name} = TypeVar("${name}", bound=${bound})`
    : `${name} = TypeVar("${name}")`;
  return { kind: 'assignment', name, text, decorators: [], line: 0 };
}

/** The bound's name in the target (imported when the target does not bind it). */
function boundIn(
  project: PythonProject,
  target: Target,
  bound: ElementType | undefined,
  plan: PlanBuilder,
): string | undefined {
  if (!bound) return undefined;
  const module = project.moduleName(target.path);
  const r = module ? project.resolve(`${module}.${bound.name}`) : undefined;
  if (r?.kind === 'symbol' && `${r.module}.${r.name}` === bound.qualified) return bound.name;
  if (moduleBinds(project, target.path, bound.name) || !bound.qualified) return undefined;
  const at = bound.qualified.lastIndexOf('.');
  plan.addImport(target.path, { module: bound.qualified.slice(0, at), name: bound.name });
  return bound.name;
}

function planImports(
  project: PythonProject,
  target: Target,
  code: NewCode,
  added: NewItem[],
  plan: PlanBuilder,
  bounds: ReadonlyMap<string, ElementType>,
): NewItem[] {
  const defined = target.cls ? [] : added.map((i) => i.name!);
  const needs = importsForNewCode(project, target.path, code, defined);
  requestNeededImports(plan, target.path, needs, 'add-code', "the finding's code");
  return needs.typeVars.map((t) => typeVarItem(t, boundIn(project, target, bounds.get(t), plan)));
}

function insert(
  target: Target,
  items: readonly NewItem[],
  usedBy: readonly string[],
  plan: PlanBuilder,
): void {
  for (const item of items) {
    const edit = target.cls
      ? classInsertion(target.text, target.cls, classItemKind(item), item.text, target.eol)
      : moduleInsertion(
          target.text,
          target.tree,
          { ...item, usedBy: [item.name!, ...usedBy] },
          target.eol,
        );
    plan.edit(target.path, edit);
  }
  if (target.cls) return;
  const publicNames = items
    .filter((i) => i.kind !== 'assignment' && !i.name!.startsWith('_'))
    .map((i) => i.name!);
  const all = addToDunderAll(target.text, target.tree, publicNames);
  if (all) plan.edit(target.path, all);
}

/** Plan kind `definitions`. */
export function planDefinitions(
  project: PythonProject,
  options: DefinitionsOptions,
  plan: PlanBuilder,
): void {
  let code = withCurrentNames(
    project,
    options.file,
    readCodeOrRefuse(options.code, options.file),
    plan,
  );
  let bounds: ReadonlyMap<string, ElementType> = new Map();
  if (options.callSites) ({ code, bounds } = withCallSites(project, options, code, plan));
  const module = openModule(project, options.file, 'add-code');
  const cls = options.class ? classNamed(module.tree, options.class) : undefined;
  if (options.class && !cls) refuse(unknownClass(project, options.class, options.file, 'add-code'));
  const target: Target = { ...module, cls };
  const added = itemsToAdd(target, code, plan);
  if (added.length === 0) return;
  const typeVars = planImports(project, target, code, added, plan, bounds);
  insert(target, [...typeVars, ...added], options.usedBy ?? [], plan);
  const names = added.map((i) => `\`${i.name}\``).join(', ');
  plan.info(
    'add-code/added',
    `adds ${names} to ${target.cls ? `class ${options.class} in ` : ''}${target.path}`,
    { file: target.path },
  );
}

/** Plan the call sites; the helper's code comes back adapted where every site agreed. */
function withCallSites(
  project: PythonProject,
  options: DefinitionsOptions,
  code: NewCode,
  plan: PlanBuilder,
): { code: NewCode; bounds: ReadonlyMap<string, ElementType> } {
  const sites = options.callSites!;
  const name = /^\s*(?:return\s+)?([A-Za-z_]\w*)\s*\(/.exec(sites.call)?.[1];
  const item = code.items.find((i) => i.kind === 'function' && i.name === name);
  if (!item) {
    refuse(
      problem(
        'add-code/bad-call',
        `the call \`${sites.call}\` is not of a function the finding's code defines`,
        { file: options.file },
      ),
    );
  }
  const target = { path: options.file, module: project.moduleName(options.file) };
  const { code: adapted, bounds } = planCallSites(project, target, item.text, sites, plan);
  const text =
    adapted === item.text
      ? code
      : readCodeOrRefuse(code.text.replace(item.text, adapted), options.file);
  return { code: text, bounds };
}

/** The code with names renamed since the finding was written (`_encode_cursor` -> `encode_cursor`). */
function withCurrentNames(
  project: PythonProject,
  file: string,
  code: NewCode,
  plan: PlanBuilder,
): NewCode {
  const renamed = renamedSince(project, file, code);
  if (renamed.size === 0) return code;
  for (const [old, current] of renamed) {
    const message = `the finding's code reads \`${old}\`, which is now \`${current}\` (renamed since the finding was written)`;
    plan.warn('add-code/renamed-name', message, { file });
  }
  return readCodeOrRefuse(renameReads(code.text, renamed), file);
}
