/**
 * Directories a test bootstrap file (`conftest.py`, `tests/__init__.py`) adds to
 * `sys.path`, found by evaluating its path expressions statically: `os.path.join(
 * os.path.dirname(__file__), "..", "src")`, `Path(__file__).resolve().parent / "src"`,
 * module-level variables and `for` loops over literal tuples.
 */
import path from 'node:path/posix';
import { stringLiteralValue } from '../nodes.js';
import type { Node, Tree } from '../parser.js';

/** A repository-relative path ('' is the root; may start with '..' when outside). */
type PathValue = { readonly path: string } | undefined;
type Env = Map<string, PathValue>;

const IDENTITY_CALLS = new Set([
  'os.path.abspath',
  'os.path.realpath',
  'os.path.normpath',
  'os.fspath',
  'str',
  'Path',
  'pathlib.Path',
  'abspath',
  'realpath',
  'normpath',
]);
const IDENTITY_METHODS = new Set(['resolve', 'absolute', 'expanduser']);

function joinPath(base: PathValue, parts: string[]): PathValue {
  if (!base) return undefined;
  return { path: path.normalize(path.join(base.path || '.', ...parts)).replace(/^\.$/, '') };
}

function parentOf(value: PathValue, levels = 1): PathValue {
  if (!value) return undefined;
  return joinPath(value, Array(levels).fill('..'));
}

function calleeName(call: Node): string {
  return call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
}

function args(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return (list?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
}

/** Evaluate a path expression, or undefined when it is not statically known. */
function evaluate(node: Node, env: Env, file: string): PathValue {
  switch (node.type) {
    case 'identifier':
      return node.text === '__file__' ? { path: file } : env.get(node.text);
    case 'string': {
      const value = stringLiteralValue(node);
      return value === undefined ? undefined : { path: path.normalize(value).replace(/^\.$/, '') };
    }
    case 'parenthesized_expression':
      return node.namedChild(0) ? evaluate(node.namedChild(0)!, env, file) : undefined;
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.text !== '/') return undefined;
      const right = node.childForFieldName('right');
      const part = right?.type === 'string' ? stringLiteralValue(right) : undefined;
      const left = node.childForFieldName('left');
      return part !== undefined && left ? joinPath(evaluate(left, env, file), [part]) : undefined;
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      if (node.childForFieldName('attribute')?.text !== 'parent' || !object) return undefined;
      return parentOf(evaluate(object, env, file));
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const index = node.childForFieldName('subscript');
      if (value?.type !== 'attribute' || value.childForFieldName('attribute')?.text !== 'parents')
        return undefined;
      const object = value.childForFieldName('object');
      if (!object || index?.type !== 'integer') return undefined;
      return parentOf(evaluate(object, env, file), Number(index.text) + 1);
    }
    case 'call':
      return evaluateCall(node, env, file);
    default:
      return undefined;
  }
}

function evaluateCall(node: Node, env: Env, file: string): PathValue {
  const name = calleeName(node);
  const [first, ...rest] = args(node);
  if (name === 'os.path.dirname' || name === 'dirname') {
    return first ? parentOf(evaluate(first, env, file)) : undefined;
  }
  if (name === 'os.path.join' || name === 'join') {
    const parts = rest.map((r) => (r.type === 'string' ? stringLiteralValue(r) : undefined));
    if (!first || parts.some((p) => p === undefined)) return undefined;
    return joinPath(evaluate(first, env, file), parts as string[]);
  }
  if (IDENTITY_CALLS.has(name)) return first ? evaluate(first, env, file) : undefined;
  const fn = node.childForFieldName('function');
  if (fn?.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const object = fn.childForFieldName('object');
    if (IDENTITY_METHODS.has(method) && object) return evaluate(object, env, file);
  }
  return undefined;
}

const ADDERS = new Set(['sys.path.insert', 'sys.path.append', 'site.addsitedir']);

function visitStatements(block: Node, env: Env, file: string, out: Set<string>): void {
  for (const stmt of block.namedChildren) {
    if (stmt) visitStatement(stmt, env, file, out);
  }
}

function visitStatement(stmt: Node, env: Env, file: string, out: Set<string>): void {
  if (stmt.type === 'for_statement') {
    const left = stmt.childForFieldName('left');
    const right = stmt.childForFieldName('right');
    const body = stmt.childForFieldName('body');
    if (left?.type !== 'identifier' || !right || !body) return;
    const items = ['tuple', 'list', 'parenthesized_expression'].includes(right.type)
      ? right.namedChildren.filter((n): n is Node => !!n)
      : [];
    for (const item of items) {
      env.set(left.text, evaluate(item, env, file));
      visitStatements(body, env, file, out);
    }
    return;
  }
  if (stmt.type === 'expression_statement') {
    const expr = stmt.namedChild(0);
    if (expr?.type === 'assignment') {
      const left = expr.childForFieldName('left');
      const right = expr.childForFieldName('right');
      if (left?.type === 'identifier' && right) env.set(left.text, evaluate(right, env, file));
    } else if (expr?.type === 'call' && ADDERS.has(calleeName(expr))) {
      const list = args(expr);
      const arg = calleeName(expr) === 'sys.path.insert' ? list[1] : list[0];
      const value = arg ? evaluate(arg, env, file) : undefined;
      if (value && !value.path.startsWith('..')) out.add(value.path);
    }
    return;
  }
  for (const field of ['consequence', 'alternative', 'body']) {
    for (const child of stmt.childrenForFieldName(field)) {
      if (child?.type === 'block') visitStatements(child, env, file, out);
      else if (child) visitStatement(child, env, file, out);
    }
  }
  if (stmt.type === 'block' || stmt.type === 'else_clause' || stmt.type === 'elif_clause') {
    visitStatements(stmt, env, file, out);
  }
}

/** Repository-relative directories `file` (repo-relative path) puts on `sys.path`. */
export function sysPathInsertions(tree: Tree, file: string): string[] {
  if (!tree.rootNode.text.includes('sys.path') && !tree.rootNode.text.includes('addsitedir')) {
    return [];
  }
  const out = new Set<string>();
  visitStatements(tree.rootNode, new Map(), file, out);
  return [...out];
}
