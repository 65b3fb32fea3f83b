/**
 * The edits of a guarded merge: the shared definition takes a boolean parameter that
 * guards the one `if` block the copies disagree on, and the calls of the copies whose
 * behaviour is not the default pass it (`build_iam_policy(..., broaden_resource=False)`).
 */
import { Edit } from '../../src/core/edit.js';
import type { Node } from '../../src/python/parser.js';

const NEEDS_PARENS = new Set(['conditional_expression', 'lambda', 'named_expression']);

function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** `if cond:` -> `if parameter and cond:` (parenthesised when `cond` binds looser). */
export function guardConditionEdit(block: Node, parameter: string): Edit {
  const condition = block.childForFieldName('condition')!;
  const loose =
    NEEDS_PARENS.has(condition.type) ||
    (condition.type === 'boolean_operator' && condition.child(1)?.type === 'or');
  const text = loose ? `(${condition.text})` : condition.text;
  return Edit.replaceNode(condition, `${parameter} and ${text}`);
}

function indentOfLine(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Insert `item` as the last entry of a bracketed list node (`parameters`,
 * `argument_list`), before a `**kwargs` entry when `beforeSplat`, keeping a magic
 * trailing comma layout.
 */
function insertLast(list: Node, item: string, text: string, beforeSplat: boolean): Edit {
  const entries = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const last = entries[entries.length - 1];
  if (!last) return Edit.insert(list.startIndex + 1, item);
  if (beforeSplat && last.type === 'dictionary_splat_pattern') {
    return Edit.insert(last.startIndex, `${item}, `);
  }
  const tail = text.slice(last.endIndex, list.endIndex - 1);
  const comma = /^\s*,/.exec(tail);
  if (comma && tail.includes('\n')) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const at = last.endIndex + comma[0].length;
    return Edit.insert(at, `${eol}${indentOfLine(text, last.startIndex)}${item},`);
  }
  return Edit.insert(last.endIndex, `, ${item}`);
}

/** Add `parameter: bool = default` (unannotated when no parameter is annotated). */
export function parameterEdit(
  definition: Node,
  parameter: string,
  defaultValue: boolean,
  text: string,
): Edit {
  const params = definition.childForFieldName('parameters')!;
  const typed = params.namedChildren.some(
    (p) => p?.type === 'typed_parameter' || p?.type === 'typed_default_parameter',
  );
  const item = typed
    ? `${parameter}: bool = ${pythonBool(defaultValue)}`
    : `${parameter}=${pythonBool(defaultValue)}`;
  return insertLast(params, item, text, true);
}

/** Pass `parameter=value` to a call. */
export function callArgumentEdit(
  call: Node,
  parameter: string,
  value: boolean,
  text: string,
): Edit {
  const args = call.childForFieldName('arguments')!;
  return insertLast(args, `${parameter}=${pythonBool(value)}`, text, false);
}

/** Whether `name` is already used anywhere in the definition (a parameter or a local). */
export function nameTaken(definition: Node, name: string): boolean {
  return definition.descendantsOfType('identifier').some((id) => id?.text === name);
}

/** The call whose callee is exactly `identifier` (`f(...)`), if it is one. */
export function callOf(identifier: Node): Node | undefined {
  const parent = identifier.parent;
  if (parent?.type !== 'call') return undefined;
  return parent.childForFieldName('function')?.id === identifier.id ? parent : undefined;
}
