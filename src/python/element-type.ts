/**
 * The element type of a sequence a call site passes, read from declarations only: the
 * variable's assignment from a call whose function or method declares `-> list[X]`
 * (`assets = AssetRepository(session).list_accessible_assets(...)`). What a type variable
 * of a new helper should be bound to, so that `items[-1].id` type-checks; undefined when
 * the declarations do not say.
 */
import { resolveClass } from './class-fields.js';
import type { Node } from './parser.js';
import type { PythonProject } from './project/project.js';

export interface ElementType {
  /** The type's name as the defining module binds it (`Asset`). */
  readonly name: string;
  /** Absolute qualified name (`app.db.models.Asset`), when the project resolves it. */
  readonly qualified: string | undefined;
}

const SEQUENCE =
  /^(?:typing\.)?(?:list|List|Sequence|Iterable|Collection|tuple|Tuple)\[\s*([A-Za-z_][\w.]*)\s*(?:,\s*\.\.\.)?\]$/;

/** The last `name = <expr>` in a function. */
function assignedValue(fn: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const a of fn.descendantsOfType('assignment')) {
    if (a?.childForFieldName('left')?.text === name)
      found = a.childForFieldName('right') ?? undefined;
  }
  return found;
}

function methodIn(cls: Node, name: string): Node | undefined {
  for (const s of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name)
      return def;
  }
  return undefined;
}

/** The function or method a call's callee denotes, with the file it is in. */
function callee(
  project: PythonProject,
  path: string,
  call: Node,
): { def: Node; path: string } | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const clsName =
      object?.type === 'call' ? object.childForFieldName('function')?.text : object?.text;
    const cls =
      clsName && /^[A-Z]\w*$/.test(clsName) ? resolveClass(project, path, clsName) : undefined;
    const def = cls ? methodIn(cls.node, method) : undefined;
    return def && cls ? { def, path: cls.path } : undefined;
  }
  if (fn?.type !== 'identifier') return undefined;
  const module = project.moduleName(path);
  const r = module ? project.resolve(`${module}.${fn.text}`) : undefined;
  const binding = r?.kind === 'symbol' ? r.bindings.find((b) => b.kind === 'function') : undefined;
  return binding && r?.kind === 'symbol'
    ? { def: binding.statement, path: r.file.path }
    : undefined;
}

/** The element type of the sequence `argument` (a local of `fn` in `path`) holds, if declared. */
export function elementTypeOf(
  project: PythonProject,
  path: string,
  fn: Node,
  argument: string,
): ElementType | undefined {
  if (!/^[A-Za-z_]\w*$/.test(argument)) return undefined;
  const value = assignedValue(fn, argument);
  if (value?.type !== 'call') return undefined;
  const target = callee(project, path, value);
  const returns = target?.def.childForFieldName('return_type')?.text.replace(/^["']|["']$/g, '');
  const element = returns ? SEQUENCE.exec(returns)?.[1] : undefined;
  if (!element || !target) return undefined;
  const module = project.moduleName(target.path);
  const r = module ? project.resolve(`${module}.${element}`) : undefined;
  const qualified = r?.kind === 'symbol' ? `${r.module}.${r.name}` : undefined;
  return { name: element.split('.').pop()!, qualified };
}
