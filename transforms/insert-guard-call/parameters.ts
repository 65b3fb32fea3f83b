/**
 * The parameters of a function as a guard sees them: name, whether it can be `None`
 * (a `None` default, or an annotation that admits `None`: `str | None`,
 * `Optional[str]`), and where the body's first real statement is (after the docstring).
 */
import { docstringOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';

export interface GuardedParameter {
  readonly name: string;
  /** Can be `None`: the call is wrapped in `if name is not None:`. */
  readonly noneable: boolean;
  /** Why it is `None`-able, for the note. */
  readonly evidence: string | undefined;
}

const NONE_ANNOTATION = /(^|[|\s[,])None\b|\bOptional\[/;

/** Named parameters of `def` (not `*args` / `**kwargs`), in order. */
export function parametersOf(def: Node): GuardedParameter[] {
  const out: GuardedParameter[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') {
      out.push({ name: p.text, noneable: false, evidence: undefined });
      continue;
    }
    if (!['typed_parameter', 'default_parameter', 'typed_default_parameter'].includes(p.type))
      continue;
    const nameNode = p.childForFieldName('name') ?? p.namedChild(0);
    if (nameNode?.type !== 'identifier') continue;
    const type = p.childForFieldName('type')?.text;
    const value = p.childForFieldName('value')?.text;
    const byDefault = value === 'None';
    const byType = !!type && NONE_ANNOTATION.test(type);
    const evidence = byType
      ? `annotated \`${type}\``
      : byDefault
        ? 'defaults to `None`'
        : undefined;
    out.push({ name: nameNode.text, noneable: byDefault || byType, evidence });
  }
  return out;
}

/** Where guard calls go: the start of the line of the first statement after the docstring. */
export function guardInsertionPoint(
  text: string,
  def: Node,
): { at: number; indent: string } | undefined {
  const body = def.childForFieldName('body');
  if (!body) return undefined;
  const statements = body.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const doc = docstringOf(body);
  const first = doc ? statements[statements.indexOf(doc) + 1] : statements[0];
  const anchor = first ?? doc;
  if (!anchor) return undefined;
  const lineStart = text.lastIndexOf('\n', anchor.startIndex - 1) + 1;
  const indent = text.slice(lineStart, anchor.startIndex);
  // A body on the `def` line (`def f(x): return x`) has no line of its own to insert before.
  if (indent.trim() !== '') return undefined;
  if (!first) {
    const nl = text.indexOf('\n', doc!.endIndex);
    return { at: nl === -1 ? text.length : nl + 1, indent };
  }
  // Comments directly above the first statement stay with it: insert above them.
  let at = lineStart;
  for (
    let prev = first.previousSibling;
    prev?.type === 'comment' && prev !== doc;
    prev = prev.previousSibling
  ) {
    at = text.lastIndexOf('\n', prev.startIndex - 1) + 1;
  }
  return { at, indent };
}
