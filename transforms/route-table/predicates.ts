/**
 * A path predicate such as `_is_admin_assets_path(path)`: one parameter, an optional
 * normalisation (`normalized = path.rstrip("/")`), then path tests — `return <tests>`,
 * or `if <tests>: return True` repeated and a final `return <tests>` / `return False`.
 * Comments in its body travel with the paths they precede.
 */
import { docstringOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { codeKey, oneLine, type PathTest, parseCondition } from './conditions.js';

export interface RoutePath extends PathTest {
  /** Comments that precede this path in the code (carried into the table). */
  readonly comments: readonly string[];
}

export interface Normalisation {
  /** The local it is stored in (`normalized`). */
  readonly local: string;
  readonly expr: Node;
  /** Token key of the expression with the parameter written as `$`. */
  readonly key: string;
}

export interface Predicate {
  readonly name: string;
  readonly def: Node;
  readonly param: string;
  readonly normalisation: Normalisation | undefined;
  readonly paths: readonly RoutePath[];
}

interface Statement {
  readonly node: Node;
  readonly comments: string[];
}

/** Read a predicate definition, or say why it is not one. */
export function readPredicate(def: Node): Predicate | string {
  const name = def.childForFieldName('name')?.text ?? '?';
  const param = singleParameter(def);
  if (!param) return `${name}() does not take exactly one plain parameter`;
  const statements = bodyStatements(def);
  const first = statements[0];
  const normalisation = first ? readNormalisation(first.node, param) : undefined;
  const rest = normalisation ? statements.slice(1) : statements;
  if (normalisation && rest[0]) rest[0].comments.unshift(...first!.comments);
  const subject = normalisation?.local ?? param;
  const paths = readTests(rest, subject, name);
  if (typeof paths === 'string') return paths;
  return { name, def, param, normalisation, paths };
}

function singleParameter(def: Node): string | undefined {
  const params = def.childForFieldName('parameters')?.namedChildren ?? [];
  if (params.length !== 1) return undefined;
  const p = params[0]!;
  if (p.type === 'identifier') return p.text;
  if (p.type === 'typed_parameter') {
    const id = p.namedChild(0);
    return id?.type === 'identifier' ? id.text : undefined;
  }
  return undefined;
}

/** Body statements after the docstring, each with the comments right before it. */
function bodyStatements(def: Node): Statement[] {
  const body = def.childForFieldName('body');
  if (!body) return [];
  const doc = docstringOf(body);
  const out: Statement[] = [];
  let pending: string[] = [];
  for (const child of body.namedChildren) {
    if (!child || child.id === doc?.id) continue;
    if (child.type === 'comment') pending.push(child.text);
    else {
      out.push({ node: child, comments: pending });
      pending = [];
    }
  }
  return out;
}

function readNormalisation(node: Node, param: string): Normalisation | undefined {
  const assignment = node.type === 'expression_statement' ? node.namedChild(0) : undefined;
  if (assignment?.type !== 'assignment') return undefined;
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (left?.type !== 'identifier' || !right) return undefined;
  const key = parameterKey(right, param);
  return key.includes('$') ? { local: left.text, expr: right, key } : undefined;
}

/** Token key of `expr` with identifier `param` written as `$`. */
function parameterKey(expr: Node, param: string): string {
  return codeKey(expr.text)
    .split(' ')
    .map((k, i, all) => (k === param && all[i - 1] !== '.' ? '$' : k))
    .join(' ');
}

function readTests(
  statements: readonly Statement[],
  subject: string,
  name: string,
): RoutePath[] | string {
  const last = statements[statements.length - 1];
  if (!last) return `${name}() has no return statement`;
  const paths: RoutePath[] = [];
  for (const statement of statements.slice(0, -1)) {
    const condition = returnTrueCondition(statement.node);
    if (!condition)
      return `${name}() has a statement remedy does not read: \`${oneLine(statement.node.text)}\``;
    const read = testsOf(condition, subject, name, statement.comments);
    if (typeof read === 'string') return read;
    paths.push(...read);
  }
  const value = last.node.type === 'return_statement' ? last.node.namedChild(0) : undefined;
  if (!value)
    return `${name}() ends with \`${oneLine(last.node.text)}\`, not \`return <path tests>\``;
  if (value.type === 'false' && paths.length > 0) return paths;
  const read = testsOf(value, subject, name, last.comments);
  if (typeof read === 'string') return read;
  return [...paths, ...read];
}

/** The condition of `if <condition>: return True` (with nothing else), if that is the shape. */
function returnTrueCondition(node: Node): Node | undefined {
  if (node.type !== 'if_statement' || node.childrenForFieldName('alternative').length > 0)
    return undefined;
  const block = node.childForFieldName('consequence');
  const statements = block?.namedChildren.filter((n) => n && n.type !== 'comment') ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  if (only?.type !== 'return_statement' || only.namedChild(0)?.type !== 'true') return undefined;
  return node.childForFieldName('condition') ?? undefined;
}

function testsOf(
  condition: Node,
  subject: string,
  name: string,
  comments: readonly string[],
): RoutePath[] | string {
  const parsed = parseCondition(condition);
  if (typeof parsed === 'string') return `${name}(): ${parsed}`;
  if (parsed.subjectKey !== codeKey(subject)) {
    return `${name}() compares \`${parsed.subject.text}\`, not its (normalised) parameter \`${subject}\``;
  }
  return parsed.tests.map((t, i) => ({ ...t, comments: i === 0 ? [...comments] : [] }));
}
