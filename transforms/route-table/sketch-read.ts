/**
 * Read an auditor's route-table sketch: the first `NAME = [ (path, handler), ... ]`
 * (or `(path, kind, handler)`) and the loop over it — whether it also matches sub-paths
 * (`startswith`), what it compares (`path.rstrip("/")`), and the arguments it passes.
 */
import { stringLiteralValue } from '../../src/python/nodes.js';
import { type Node, type Tree, withTree } from '../../src/python/parser.js';
import type { MatchKind } from './conditions.js';

export interface SketchRoute {
  readonly path: string;
  /** Undefined when the sketch does not say (no loop found). */
  readonly kind: MatchKind | undefined;
  readonly callee: string;
  /** Arguments the handler gets, when the sketch shows them. */
  readonly args: string | undefined;
}

export interface Sketch {
  readonly routes: readonly SketchRoute[];
  readonly subject: string | undefined;
}

interface Loop {
  readonly matchesBelow: boolean;
  readonly args: string | undefined;
  readonly subject: string | undefined;
}

interface RawEntry {
  readonly path: string;
  readonly kind: MatchKind | undefined;
  readonly handler: Node;
}

/** The sketch's routes, or a sentence saying it has no table remedy can read. */
export function readSketch(code: string): Sketch | string {
  return withTree(code, (tree) => {
    const table = findTable(tree);
    if (!table) return 'the sketch has no route table (`NAME = [(path, handler), ...]`) to compare';
    const entries = table.value.namedChildren.filter((n): n is Node => !!n).map(readEntry);
    const loop = findLoop(tree, table.name);
    const routes = entries
      .filter((e): e is RawEntry => !!e)
      .map((e) => ({
        path: e.path,
        kind: e.kind ?? (loop ? (loop.matchesBelow ? 'prefix' : 'exact') : undefined),
        ...effectiveCall(e.handler, loop?.args),
      }));
    return { routes, subject: loop?.subject };
  });
}

function findTable(tree: Tree): { name: string; value: Node } | undefined {
  for (const node of tree.rootNode.descendantsOfType('assignment')) {
    const left = node?.childForFieldName('left');
    const right = node?.childForFieldName('right');
    if (!left || !right || left.type !== 'identifier') continue;
    if (!['list', 'tuple'].includes(right.type)) continue;
    if (right.namedChildren.some((c) => c?.type === 'tuple'))
      return { name: left.text, value: right };
  }
  return undefined;
}

function readEntry(node: Node): RawEntry | undefined {
  if (node.type !== 'tuple') return undefined;
  const items = node.namedChildren.filter((n): n is Node => !!n);
  const path = items[0] ? stringLiteralValue(items[0]) : undefined;
  if (path === undefined || items.length < 2 || items.length > 3) return undefined;
  const handler = items[items.length - 1]!;
  const kind = items.length === 3 ? kindOf(items[1]!) : undefined;
  return { path, kind, handler };
}

function kindOf(node: Node): MatchKind | undefined {
  const value = stringLiteralValue(node);
  if (value === 'exact' || value === 'prefix') return value;
  if (node.type === 'true') return 'prefix';
  if (node.type === 'false') return 'exact';
  return undefined;
}

/** The loop over the table: `for ... in NAME: if <match>: return <handler call>`. */
function findLoop(tree: Tree, table: string): Loop | undefined {
  const loop = tree.rootNode
    .descendantsOfType('for_statement')
    .find((f) => f?.childForFieldName('right')?.text === table);
  if (!loop) return undefined;
  const test = loop.childForFieldName('body')?.descendantsOfType('if_statement')[0];
  const condition = test?.childForFieldName('condition');
  const ret = test?.childForFieldName('consequence')?.descendantsOfType('return_statement')[0];
  let call = ret?.namedChild(0);
  if (call?.type === 'lambda') call = call.childForFieldName('body');
  const args = call?.type === 'call' ? call.childForFieldName('arguments') : undefined;
  return {
    matchesBelow: !!condition && /\bstartswith\b/.test(condition.text),
    args: args ? args.text.slice(1, -1).trim() : undefined,
    subject: loopSubject(loop),
  };
}

/** `normalized = path.rstrip("/")` before the loop, when the loop compares `normalized`. */
function loopSubject(loop: Node): string | undefined {
  const condition = loop.childForFieldName('body')?.descendantsOfType('comparison_operator')[0];
  const compared = condition?.namedChild(0);
  if (compared?.type !== 'identifier') return compared?.text;
  for (let prev = loop.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    const assignment = prev.type === 'expression_statement' ? prev.namedChild(0) : undefined;
    if (assignment?.childForFieldName('left')?.text === compared.text) {
      return assignment.childForFieldName('right')?.text;
    }
  }
  return compared.text;
}

/** The handler an entry calls and with what: a name gets the loop's arguments. */
function effectiveCall(
  handler: Node,
  loopArgs: string | undefined,
): { callee: string; args: string | undefined } {
  if (handler.type === 'lambda') {
    const body = handler.childForFieldName('body');
    if (body?.type === 'call') {
      const args = body.childForFieldName('arguments');
      return {
        callee: body.childForFieldName('function')!.text,
        args: args?.text.slice(1, -1).trim(),
      };
    }
  }
  return { callee: handler.text, args: loopArgs };
}
