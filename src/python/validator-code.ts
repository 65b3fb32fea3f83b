/**
 * Write a validator from a stated predicate: a plain function (`_validate_identifier(name)
 * that asserts re.fullmatch(...)`), a pydantic `@field_validator` (`raises ValueError
 * unless 0 <= priority <= 299`) or a `@model_validator(mode="after")` (`raises ValueError
 * if allow_credentials=True and allow_origins == ["*"]`, or `calling make_url() on url`).
 * The predicate is Python over field or parameter names; here it is rewritten to read
 * `self.<field>` or the validated `value`, negated where the sense asks for it, and
 * given a message. Output is code at column 0 with `\n` line breaks.
 */
import { identifierReads } from './name-reads.js';
import { parsePython } from './parser.js';

/** How the predicate decides: raise when it is true, raise unless it is true, or call it. */
export type PredicateSense = 'raise-when' | 'require' | 'call';

export interface Predicate {
  /** A Python expression over the names of fields or parameters. */
  readonly expression: string;
  readonly sense: PredicateSense;
  /** The exception class raised (`ValueError`); ignored for `call`. */
  readonly raises: string;
}

/** Identifiers of the expression that read one of `names`, as [start, end, name]. */
function nameReads(expression: string, names: ReadonlySet<string>): [number, number, string][] {
  const tree = parsePython(expression);
  try {
    return identifierReads(tree.rootNode, names).map((id) => [id.startIndex, id.endIndex, id.text]);
  } finally {
    tree.delete();
  }
}

/** The expression with each read of a name in `map` replaced by its value (`self.x`). */
export function rewriteNames(expression: string, map: ReadonlyMap<string, string>): string {
  let out = expression;
  for (const [start, end, name] of nameReads(expression, new Set(map.keys())).reverse()) {
    out = out.slice(0, start) + map.get(name)! + out.slice(end);
  }
  return out;
}

/** Names of `candidates` the expression reads. */
export function namesRead(expression: string, candidates: Iterable<string>): string[] {
  return [...new Set(nameReads(expression, new Set(candidates)).map(([, , n]) => n))];
}

/** Whether an expression is a parse error (a predicate remedy cannot use). */
export function isExpression(text: string): boolean {
  const tree = parsePython(text);
  try {
    const only = tree.rootNode.namedChildren.filter((n) => n && n.type !== 'comment');
    return !tree.rootNode.hasError && only.length === 1 && only[0]!.type === 'expression_statement';
  } finally {
    tree.delete();
  }
}

function negate(expression: string): string {
  const loose = /\b(?:and|or|if|lambda)\b/.test(expression.replace(/(["']).*?\1/g, ''));
  return loose ? `not (${expression})` : `not ${expression}`;
}

/** Text for a double-quoted string literal: no backslashes, double quotes made single. */
function plainText(text: string): string {
  return text.replace(/\\/g, '').replace(/"/g, "'");
}

/** Text for a double-quoted f-string: as `plainText`, with braces doubled. */
function fText(text: string): string {
  return plainText(text).replace(/\{/g, '{{').replace(/\}/g, '}}');
}

/** The check's statements (at column 0): the `if ...: raise` or the call. */
function checkLines(predicate: Predicate, test: string, message: string): string[] {
  if (predicate.sense === 'call') return [test];
  const condition = predicate.sense === 'require' ? negate(test) : test;
  return [`if ${condition}:`, `    raise ${predicate.raises}(${message})`];
}

export interface FunctionValidator {
  readonly name: string;
  readonly parameter: { readonly name: string; readonly annotation?: string };
  readonly returns?: string;
  readonly predicate: Predicate;
}

/** `def _validate_identifier(name: str) -> str:` with the check, returning the value. */
export function validatorFunction(spec: FunctionValidator): string {
  const { name, parameter, returns, predicate } = spec;
  const noun =
    name.replace(/^_*(?:validate|check|ensure|require)_?/, '').replace(/_/g, ' ') || 'value';
  const message = `f"invalid ${fText(noun)}: {${parameter.name}!r}"`;
  const annotation = parameter.annotation ? `: ${parameter.annotation}` : '';
  const lines = [
    `def ${name}(${parameter.name}${annotation})${returns ? ` -> ${returns}` : ''}:`,
    ...checkLines(predicate, predicate.expression, message).map((l) => `    ${l}`),
  ];
  if (returns && returns !== 'None') lines.push(`    return ${parameter.name}`);
  return lines.join('\n');
}

export interface FieldValidator {
  readonly name: string;
  readonly field: string;
  /** The field's annotation, for the value's. */
  readonly annotation: string | undefined;
  readonly predicate: Predicate;
}

/** `@field_validator("f")` + `@classmethod` checking `value`, returning it. */
export function fieldValidatorMethod(spec: FieldValidator): string {
  const { name, field, annotation, predicate } = spec;
  const test = rewriteNames(predicate.expression, new Map([[field, 'value']]));
  const message = `f"${field} must satisfy ${fText(predicate.expression)}, got {value!r}"`;
  const typed = annotation ? `: ${annotation}` : '';
  return [
    `@field_validator("${field}")`,
    '@classmethod',
    `def ${name}(cls, value${typed})${annotation ? ` -> ${annotation}` : ''}:`,
    ...checkLines(predicate, test, message).map((l) => `    ${l}`),
    '    return value',
  ].join('\n');
}

export interface ModelValidator {
  readonly name: string;
  readonly className: string;
  /** The fields the predicate reads (rewritten to `self.<field>`). */
  readonly fields: readonly string[];
  readonly predicate: Predicate;
  /** Whether annotations are postponed (`from __future__ import annotations`). */
  readonly postponed: boolean;
}

/** `@model_validator(mode="after")` checking the fields on `self`, returning `self`. */
export function modelValidatorMethod(spec: ModelValidator): string {
  const { name, className, fields, predicate, postponed } = spec;
  const map = new Map(fields.map((f) => [f, `self.${f}`]));
  const test = rewriteNames(predicate.expression, map);
  const message = `"${plainText(predicate.expression)} is not allowed"`;
  const returns = postponed ? className : `"${className}"`;
  return [
    '@model_validator(mode="after")',
    `def ${name}(self) -> ${returns}:`,
    ...checkLines(predicate, test, message).map((l) => `    ${l}`),
    '    return self',
  ].join('\n');
}

/** A validator name from the fields it checks: `_check_priority`, `_check_url`. */
export function validatorName(fields: readonly string[], taken: ReadonlySet<string>): string {
  const base = `_check_${fields.slice(0, 2).join('_and_') || 'model'}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}
