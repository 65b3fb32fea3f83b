/**
 * Find `def` / `class` definitions by name — never by line number, which goes stale
 * as earlier fixes land: `name` finds module-level definitions and methods of
 * module-level classes, `Class.method` a method of one class.
 */
import type { Node, Tree } from './parser.js';

const DEFINITION_TYPES = new Set(['function_definition', 'class_definition']);

/** The definition a statement holds (`decorated_definition` unwrapped), if any. */
export function definitionIn(statement: Node): Node | undefined {
  if (DEFINITION_TYPES.has(statement.type)) return statement;
  if (statement.type === 'decorated_definition') {
    const inner = statement.childForFieldName('definition');
    return inner && DEFINITION_TYPES.has(inner.type) ? inner : undefined;
  }
  return undefined;
}

/** Definitions directly in a module or block (including ones under `if` / `try` at that level). */
function definitionsInBody(body: Node): Node[] {
  const out: Node[] = [];
  for (const statement of body.namedChildren) {
    if (!statement) continue;
    const def = definitionIn(statement);
    if (def) out.push(def);
    else if (['if_statement', 'try_statement'].includes(statement.type)) {
      for (const block of statement.descendantsOfType('block')) {
        if (block && nearestStatementParent(block) === statement)
          out.push(...definitionsInBody(block));
      }
    }
  }
  return out;
}

function nearestStatementParent(block: Node): Node | undefined {
  for (let p = block.parent; p; p = p.parent) {
    if (p.type === 'if_statement' || p.type === 'try_statement') return p;
    if (p.type === 'block' || p.type === 'module') return undefined;
  }
  return undefined;
}

export function definitionName(def: Node): string {
  return def.childForFieldName('name')?.text ?? '';
}

/**
 * Definitions of `name` (or `Class.name`): module-level ones first, then methods of
 * module-level classes, in document order.
 */
export function findDefinitions(tree: Tree, name: string): Node[] {
  const parts = name.split('.');
  const top = definitionsInBody(tree.rootNode);
  if (parts.length === 2) {
    const classes = top.filter(
      (d) => d.type === 'class_definition' && definitionName(d) === parts[0],
    );
    return classes.flatMap((c) => methodsNamed(c, parts[1]!));
  }
  const direct = top.filter((d) => definitionName(d) === name);
  if (direct.length > 0) return direct;
  return top.filter((d) => d.type === 'class_definition').flatMap((c) => methodsNamed(c, name));
}

function methodsNamed(cls: Node, name: string): Node[] {
  const body = cls.childForFieldName('body');
  if (!body) return [];
  return definitionsInBody(body).filter((d) => definitionName(d) === name);
}

/** Whether a definition is a method (directly in a class body). */
export function isMethod(def: Node): boolean {
  return def.parent?.type === 'block' && def.parent.parent?.type === 'class_definition';
}

/**
 * What callers see of a function's parameters: names, kinds and which have defaults
 * (`self, a, b=, *args, c=, **kw`), without annotations or default values. Undefined
 * for a class.
 */
export function parameterShape(def: Node): string | undefined {
  const params = def.type === 'function_definition' ? def.childForFieldName('parameters') : null;
  if (!params) return undefined;
  return params.namedChildren
    .filter((p): p is Node => !!p && p.type !== 'comment')
    .map(describeParameter)
    .join(', ');
}

function describeParameter(p: Node): string {
  switch (p.type) {
    case 'typed_parameter':
      return describeParameter(p.namedChild(0)!);
    case 'default_parameter':
    case 'typed_default_parameter':
      return `${p.childForFieldName('name')?.text ?? ''}=`;
    case 'list_splat_pattern':
      return `*${p.namedChild(0)?.text ?? ''}`;
    case 'dictionary_splat_pattern':
      return `**${p.namedChild(0)?.text ?? ''}`;
    case 'keyword_separator':
      return '*';
    case 'positional_separator':
      return '/';
    default:
      return p.text;
  }
}

/** Every function definition named `name` anywhere in the tree (nested ones included). */
export function findFunctionsAnywhere(tree: Tree, name: string): Node[] {
  return tree.rootNode
    .descendantsOfType('function_definition')
    .filter((n): n is Node => !!n && definitionName(n) === name);
}
