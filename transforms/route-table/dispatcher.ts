/**
 * Read a dispatcher such as `_match_handler`: its route chain (`chain.ts`), whose
 * branches test paths (through predicates of this module, or inline) and return a
 * handler; an `else` is the fall-through. Every branch must test the same
 * (normalised) value and the same qualifiers. A string result says which branch is not
 * understood and why.
 */
import { findDefinitions } from '../../src/python/definitions.js';
import { docstringOf } from '../../src/python/nodes.js';
import type { Node, Tree } from '../../src/python/parser.js';
import { locateChain } from './chain.js';
import { codeKey, oneLine, parseCondition } from './conditions.js';
import { type HandlerCall, readHandler } from './handlers.js';
import { type Predicate, type RoutePath, readPredicate } from './predicates.js';

/** What the loop compares with the table's paths. */
export type Subject =
  | { readonly kind: 'normalised'; readonly local: string; readonly expr: string }
  | { readonly kind: 'expression'; readonly text: string; readonly node: Node };

export interface Branch {
  readonly number: number;
  readonly line: number;
  /** `if _is_admin_assets_path(path):`, for messages. */
  readonly header: string;
  readonly paths: readonly RoutePath[];
  readonly handler: HandlerCall;
  readonly predicate: Predicate | undefined;
  readonly subject: Subject;
  /** What else the branch compares by equality (the method), in order. */
  readonly qualifiers: readonly Node[];
  readonly subjectKey: string;
}

export interface Dispatch {
  readonly def: Node;
  readonly branches: readonly Branch[];
  /** The range the table loop replaces: the chain and its comments (what follows stays). */
  readonly start: number;
  readonly end: number;
  /** The statements of the chain's `else`, dedented, if any (they go after the loop). */
  readonly fallback: string | undefined;
}

export { NO_CHAIN } from './chain.js';

interface Clause {
  readonly node: Node;
  readonly condition: Node;
  readonly consequence: Node | null;
  readonly comments: string[];
}

/** Read the chain of `def`; a string says what is not understood (naming the branch). */
export function readDispatch(tree: Tree, def: Node): Dispatch | string {
  const body = def.childForFieldName('body');
  if (!body) return 'the dispatcher has no body';
  const doc = docstringOf(body);
  const statements = body.namedChildren.filter((n): n is Node => !!n && n.id !== doc?.id);
  const location = locateChain(tree, statements);
  if (typeof location === 'string') return location;
  const chain = collectClauses(location.statements);
  if (typeof chain === 'string') return chain;
  const branches: Branch[] = [];
  for (const clause of chain.clauses) {
    const branch = readBranch(tree, clause, branches.length + 1);
    if (typeof branch === 'string') return branch;
    const first = branches[0];
    if (first && first.subjectKey !== branch.subjectKey) {
      return `${describe(branch)} tests ${subjectText(branch)}, but ${describe(first)} tests ${subjectText(first)}`;
    }
    branches.push(branch);
  }
  return {
    def,
    branches,
    start: location.statements[0]!.startIndex,
    end: location.statements[location.statements.length - 1]!.endIndex,
    fallback: chain.fallback,
  };
}

/** The clauses of the chain's `if` statements; only the last may have an `else`. */
function collectClauses(statements: readonly Node[]) {
  const clauses: Clause[] = [];
  let pending: string[] = [];
  let fallback: string | undefined;
  for (const statement of statements) {
    if (statement.type === 'comment') {
      pending.push(statement.text);
      continue;
    }
    if (fallback !== undefined)
      return `\`${oneLine(statement.text)}\` (line ${statement.startPosition.row + 1}) follows the chain's \`else\``;
    const read = ifClauses(statement, pending);
    if (typeof read === 'string') return read;
    clauses.push(...read.clauses);
    if (read.fallback !== undefined) fallback = read.fallback;
    pending = [];
  }
  return { clauses, fallback };
}

function ifClauses(node: Node, leading: string[]) {
  const clauses: Clause[] = [];
  let fallback: string | undefined;
  const add = (clause: Node, comments: string[]) => {
    clauses.push({
      node: clause,
      condition: clause.childForFieldName('condition')!,
      consequence: clause.childForFieldName('consequence'),
      comments: [...comments, ...commentsIn(clause)],
    });
  };
  add(node, leading);
  for (const alt of node.childrenForFieldName('alternative')) {
    if (!alt) continue;
    if (alt.type === 'elif_clause') add(alt, []);
    else {
      const body = elseBody(alt);
      if (body === undefined)
        return `the chain's \`else\` (line ${alt.startPosition.row + 1}) holds a string that spans lines`;
      fallback = body;
    }
  }
  return { clauses, fallback };
}

/**
 * The statements of an `else` (comments included), dedented to column 0: they run after
 * the loop when no route matched. Undefined when re-indenting could change a string.
 */
function elseBody(clause: Node): string | undefined {
  const multiline = clause.descendantsOfType('string').some((n) => n?.text.includes('\n'));
  if (multiline) return undefined;
  const [head, ...rest] = clause.text.split(/\r?\n/);
  if (rest.length === 0) return head!.slice(head!.indexOf(':') + 1).trim();
  const lines = rest.filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)![0].length));
  return rest
    .map((l) => l.slice(indent))
    .join('\n')
    .trimEnd();
}

/** Comments inside a clause (not inside its nested elif/else clauses). */
function commentsIn(clause: Node): string[] {
  const stop = clause.childrenForFieldName('alternative')[0]?.startIndex ?? clause.endIndex;
  return clause
    .descendantsOfType('comment')
    .filter((c): c is Node => !!c && c.startIndex < stop)
    .map((c) => c.text);
}

function readBranch(tree: Tree, clause: Clause, number: number): Branch | string {
  const line = clause.node.startPosition.row + 1;
  const keyword = clause.node.type === 'elif_clause' ? 'elif' : 'if';
  const header = `${keyword} ${oneLine(clause.condition.text)}:`;
  const label = `branch ${number} (line ${line}: \`${header}\`)`;
  const tested = readTested(tree, clause.condition);
  if (typeof tested === 'string') return `${label}: ${tested}`;
  const handler = readHandler(clause.consequence);
  if (typeof handler === 'string') return `${label}: ${handler}`;
  const paths = tested.paths.map((p, i) =>
    i === 0 ? { ...p, comments: [...clause.comments, ...p.comments] } : p,
  );
  return { number, line, header, handler, ...tested, paths };
}

/** The paths a condition tests and what it compares: a predicate call or inline tests. */
function readTested(tree: Tree, condition: Node) {
  const call = condition.type === 'call' ? condition : undefined;
  const fn = call?.childForFieldName('function');
  if (call && fn?.type === 'identifier') return readPredicateCall(tree, call, fn.text);
  const parsed = parseCondition(condition);
  if (typeof parsed === 'string') return parsed;
  const subject: Subject = { kind: 'expression', text: parsed.subject.text, node: parsed.subject };
  return {
    paths: parsed.tests.map((t) => ({ ...t, comments: [] })),
    predicate: undefined,
    subject,
    qualifiers: parsed.qualifiers,
    subjectKey: `expression ${parsed.subjectKey}`,
  };
}

function readPredicateCall(tree: Tree, call: Node, name: string) {
  const defs = findDefinitions(tree, name).filter((d) => d.type === 'function_definition');
  if (defs.length !== 1)
    return `it calls ${name}(), which is not one function defined in this module`;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const arg = args.length === 1 ? args[0] : undefined;
  if (!arg || arg.type === 'keyword_argument' || arg.type.includes('splat')) {
    return `it calls ${name}() with arguments other than the path`;
  }
  const predicate = readPredicate(defs[0]!);
  if (typeof predicate === 'string') return predicate;
  const norm = predicate.normalisation;
  const subject: Subject = norm
    ? {
        kind: 'normalised',
        local: norm.local,
        expr: substitute(norm.expr, predicate.param, arg.text),
      }
    : { kind: 'expression', text: arg.text, node: arg };
  const subjectKey = norm
    ? `normalised ${norm.key} of ${codeKey(arg.text)}`
    : `expression ${codeKey(arg.text)}`;
  return { paths: predicate.paths, predicate, subject, qualifiers: [], subjectKey };
}

/** `expr`'s text with the identifier `param` replaced by `value` (parenthesised if needed). */
function substitute(expr: Node, param: string, value: string): string {
  const simple = /^[\w.]+$/.test(value);
  const replacement = simple ? value : `(${value})`;
  const ids = expr
    .descendantsOfType('identifier')
    .filter((n): n is Node => !!n && n.text === param)
    .filter(
      (n) =>
        !(n.parent?.type === 'attribute' && n.parent.childForFieldName('attribute')?.id === n.id),
    );
  let text = expr.text;
  for (const id of ids.reverse()) {
    const at = id.startIndex - expr.startIndex;
    text = text.slice(0, at) + replacement + text.slice(at + param.length);
  }
  return text;
}

export function describe(branch: Branch): string {
  return `branch ${branch.number} (line ${branch.line}: \`${branch.header}\`)`;
}

function subjectText(branch: Branch): string {
  const s = branch.subject;
  const path = s.kind === 'normalised' ? `\`${s.expr}\`` : `\`${s.text}\``;
  if (branch.qualifiers.length === 0) return path;
  return `${branch.qualifiers.map((q) => `\`${oneLine(q.text)}\``).join(', ')} and ${path}`;
}
