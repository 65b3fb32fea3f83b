/**
 * Evaluate the small Python expressions a finding states as a predicate
 * (`0 <= priority <= 299`, `allow_credentials and allow_origins == ["*"]`) against
 * known values — a field's default, a module constant — to find out whether the
 * documented default passes the documented check. Literals, names from an
 * environment, comparisons (chained), `and` / `or` / `not`, unary minus and
 * `len()`; anything else is "unknown" (undefined), never a guess.
 */

import { stringLiteralValue } from './nodes.js';
import type { Node } from './parser.js';

/** A Python value remedy can reason about: None, bool, number, str, list/tuple. */
export type PyValue = null | boolean | number | string | readonly PyValue[];

/** Names to values; a name missing from it makes the expression unknown. */
export type Environment = ReadonlyMap<string, PyValue>;

export function truthy(value: PyValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== false && value !== 0 && value !== '';
}

function equal(a: PyValue, b: PyValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  }
  // Python: True == 1, False == 0.
  const num = (v: PyValue) => (typeof v === 'boolean' ? Number(v) : v);
  return num(a) === num(b);
}

function compare(op: string, a: PyValue, b: PyValue): boolean | undefined {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'is':
      return a === null || b === null ? a === b : undefined;
    case 'is not':
      return a === null || b === null ? a !== b : undefined;
    case 'in':
    case 'not in': {
      const found = Array.isArray(b)
        ? b.some((x) => equal(x, a))
        : typeof b === 'string' && typeof a === 'string'
          ? b.includes(a)
          : undefined;
      return found === undefined ? undefined : op === 'in' ? found : !found;
    }
  }
  const ordered = typeof a === typeof b && (typeof a === 'number' || typeof a === 'string');
  if (!ordered) return undefined;
  if (op === '<') return a! < b!;
  if (op === '<=') return a! <= b!;
  if (op === '>') return a! > b!;
  if (op === '>=') return a! >= b!;
  return undefined;
}

function comparison(node: Node, env: Environment): PyValue | undefined {
  const operands: PyValue[] = [];
  const ops: string[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)!;
    if (child.isNamed) {
      const v = evaluate(child, env);
      if (v === undefined) return undefined;
      operands.push(v);
    } else ops.push(child.text.replace(/\s+/g, ' '));
  }
  for (let i = 0; i < ops.length; i++) {
    const r = compare(ops[i]!, operands[i]!, operands[i + 1]!);
    if (r === undefined) return undefined;
    if (!r) return false;
  }
  return true;
}

function booleanOperator(node: Node, env: Environment): PyValue | undefined {
  const left = evaluate(node.childForFieldName('left')!, env);
  if (left === undefined) return undefined;
  const op = node.childForFieldName('operator')?.text;
  if (op === 'and' && !truthy(left)) return left;
  if (op === 'or' && truthy(left)) return left;
  return evaluate(node.childForFieldName('right')!, env);
}

function sequence(node: Node, env: Environment): PyValue | undefined {
  const items: PyValue[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    const v = evaluate(child, env);
    if (v === undefined) return undefined;
    items.push(v);
  }
  return items;
}

function call(node: Node, env: Environment): PyValue | undefined {
  const fn = node.childForFieldName('function')?.text;
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  if (fn !== 'len' || args.length !== 1 || !args[0]) return undefined;
  const v = evaluate(args[0], env);
  return typeof v === 'string' || Array.isArray(v) ? v.length : undefined;
}

/** The value of an expression node, or undefined when it cannot be known. */
export function evaluate(node: Node, env: Environment = new Map()): PyValue | undefined {
  switch (node.type) {
    case 'integer':
    case 'float': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'string':
      return stringLiteralValue(node);
    case 'identifier':
      return env.get(node.text);
    case 'parenthesized_expression':
      return node.namedChild(0) ? evaluate(node.namedChild(0)!, env) : undefined;
    case 'unary_operator': {
      const v = evaluate(node.childForFieldName('argument')!, env);
      const op = node.childForFieldName('operator')?.text;
      if (typeof v !== 'number') return undefined;
      return op === '-' ? -v : op === '+' ? v : undefined;
    }
    case 'not_operator': {
      const v = evaluate(node.childForFieldName('argument')!, env);
      return v === undefined ? undefined : !truthy(v);
    }
    case 'boolean_operator':
      return booleanOperator(node, env);
    case 'comparison_operator':
      return comparison(node, env);
    case 'list':
    case 'tuple':
      return sequence(node, env);
    case 'call':
      return call(node, env);
    default:
      return undefined;
  }
}

/** `repr()` of a value, as Python prints it. */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `[${value.map(pyRepr).join(', ')}]`;
}
