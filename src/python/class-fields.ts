/**
 * Classes as settings and models declare them: find a module-level class by name across
 * the project, list its fields (`name: type = default` in the body, first-party bases
 * included) and read a field's default as a value — a literal, a module constant,
 * `Field(default=...)` or `Field(default_factory=lambda: ...)` — when it can be known.
 */
import { evaluate, type PyValue } from './literal-eval.js';
import type { Node, Tree } from './parser.js';
import type { PythonProject } from './project/project.js';

export interface FoundClass {
  readonly path: string;
  readonly node: Node;
  readonly name: string;
  readonly line: number;
}

export interface ClassField {
  readonly name: string;
  /** The annotation's text (`int`, `list[str]`). */
  readonly annotation: string;
  /** The default expression, if any. */
  readonly value: Node | undefined;
  /** The `name: T = v` statement. */
  readonly statement: Node;
  /** The class that declares it. */
  readonly owner: string;
  readonly line: number;
}

/** Module-level classes named `name` in the project (all files, or `files` when given). */
export function findClasses(
  project: PythonProject,
  name: string,
  files?: readonly string[],
): FoundClass[] {
  const out: FoundClass[] = [];
  const candidates = files ?? project.filesMentioning([name]);
  for (const path of candidates) {
    for (const b of project.analysis(path)?.globalBindings(name) ?? []) {
      if (b.kind !== 'class') continue;
      out.push({ path, node: b.statement, name, line: b.statement.startPosition.row + 1 });
    }
  }
  return out;
}

/** The fields a class body declares itself (annotated assignments), in order. */
export function ownFields(cls: Node): ClassField[] {
  const body = cls.childForFieldName('body');
  const owner = cls.childForFieldName('name')?.text ?? '';
  const out: ClassField[] = [];
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    const left = assignment?.childForFieldName('left');
    const type = assignment?.childForFieldName('type');
    if (assignment?.type !== 'assignment' || left?.type !== 'identifier' || !type) continue;
    // Class-level configuration, not fields: `model_config`, `__x__`, `ClassVar[...]`.
    if (/^__\w+__$|^model_config$/.test(left.text) || /^(?:\w+\.)?ClassVar\b/.test(type.text))
      continue;
    out.push({
      name: left.text,
      annotation: type.text,
      value: assignment.childForFieldName('right') ?? undefined,
      statement,
      owner,
      line: statement.startPosition.row + 1,
    });
  }
  return out;
}

/** Fields of the class and of its first-party base classes (the class's own win). */
export function allFields(project: PythonProject, found: FoundClass, depth = 0): ClassField[] {
  const own = ownFields(found.node);
  if (depth > 8) return own;
  const inherited: ClassField[] = [];
  for (const base of found.node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base?.type !== 'identifier') continue;
    const resolved = resolveClass(project, found.path, base.text);
    if (resolved) inherited.push(...allFields(project, resolved, depth + 1));
  }
  const names = new Set(own.map((f) => f.name));
  return [...inherited.filter((f) => !names.has(f.name)), ...own];
}

/** The first-party class a name of `path` denotes (defined there or imported), if any. */
export function resolveClass(
  project: PythonProject,
  path: string,
  name: string,
): FoundClass | undefined {
  const module = project.moduleName(path);
  if (!module) return undefined;
  const r = project.resolve(`${module}.${name}`);
  if (r.kind !== 'symbol' || r.member.length > 0) return undefined;
  const binding = r.bindings.find((b) => b.kind === 'class');
  return binding
    ? {
        path: r.file.path,
        node: binding.statement,
        name: r.name,
        line: binding.statement.startPosition.row + 1,
      }
    : undefined;
}

/** `NAME = <literal>` at module level, as an environment for `evaluate`. */
export function moduleConstants(tree: Tree): Map<string, PyValue> {
  const env = new Map<string, PyValue>();
  for (const statement of tree.rootNode.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : null;
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (assignment?.type !== 'assignment' || left?.type !== 'identifier' || !right) continue;
    const value = evaluate(right, env);
    if (value === undefined) env.delete(left.text);
    else env.set(left.text, value);
  }
  return env;
}

function keyword(call: Node, name: string): Node | undefined {
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name) {
      return arg.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

/** The expression that gives a field's default (unwrapping `Field(...)`), if any. */
export function defaultExpression(field: ClassField): Node | undefined {
  const value = field.value;
  if (
    value?.type !== 'call' ||
    !/^(?:\w+\.)?Field$/.test(value.childForFieldName('function')?.text ?? '')
  ) {
    return value;
  }
  const factory = keyword(value, 'default_factory');
  if (factory?.type === 'lambda') return factory.childForFieldName('body') ?? undefined;
  if (factory) return factory.text === 'list' ? factory : undefined;
  const first = value.childForFieldName('arguments')?.namedChildren.find((a) => !!a);
  return (
    keyword(value, 'default') ?? (first && first.type !== 'keyword_argument' ? first : undefined)
  );
}

/** A field's default as a value, or undefined when it has none or it cannot be known. */
export function defaultValue(
  field: ClassField,
  constants: ReadonlyMap<string, PyValue>,
): PyValue | undefined {
  const expr = defaultExpression(field);
  if (!expr) return undefined;
  if (expr.type === 'identifier' && expr.text === 'list') return [];
  return evaluate(expr, constants);
}

/** Module-level classes of the project that declare a field `field` themselves. */
export function classesWithField(project: PythonProject, field: string): FoundClass[] {
  const out: FoundClass[] = [];
  for (const path of project.filesMentioning([field])) {
    for (const statement of project.source.tree(path)?.rootNode.namedChildren ?? []) {
      const cls =
        statement?.type === 'decorated_definition'
          ? statement.childForFieldName('definition')
          : statement;
      if (cls?.type !== 'class_definition') continue;
      if (!ownFields(cls).some((f) => f.name === field)) continue;
      const name = cls.childForFieldName('name')?.text ?? '';
      out.push({ path, node: cls, name, line: cls.startPosition.row + 1 });
    }
  }
  return out;
}
