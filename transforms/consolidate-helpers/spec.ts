/**
 * The one new function consolidate-helpers writes: the finding's own code when it gives
 * it; else the finding's signature (`require_env(name: str) -> str`) over the body of the
 * copy that has that signature (and the failure condition the finding states, if it
 * states one), with every `raise` raising the finding's exception instead
 * (`ConfigurationError(name)`). A definition the target already has is taken as it is
 * (a second run, or a hand-written one). No copy to take the body from, or no copy doing
 * what the finding states, stops the plan: remedy does not invent behaviour.
 */

import { dedent } from '../../src/core/text.js';
import { problem, refuse } from '../../src/python/change-plan.js';
import { findClasses, resolveClass } from '../../src/python/class-fields.js';
import { type Signature, signatureIn } from '../../src/python/finding-spec.js';
import { isNameField } from '../../src/python/name-reads.js';
import { readNewCode } from '../../src/python/new-code.js';
import type { Node } from '../../src/python/parser.js';
import { parsePython } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { ConsolidateOptions } from './options.js';

export type Condition = 'falsy' | 'none';

export interface Copy {
  readonly file: string;
  readonly name: string;
  readonly def: Node;
  /** Parameter names, in order. */
  readonly params: readonly string[];
  /** Parameters with defaults: name -> default text. */
  readonly defaults: ReadonlyMap<string, string>;
}

export interface NewFunction {
  readonly name: string;
  readonly params: readonly string[];
  /** The definition at column 0. */
  readonly text: string;
  readonly condition: Condition | undefined;
}

/** `if not x: raise` -> falsy; `if x is None: raise` -> none. */
export function conditionOf(def: Node): Condition | undefined {
  for (const s of def.descendantsOfType('if_statement')) {
    const test = s?.childForFieldName('condition');
    if (!test || !s?.childForFieldName('consequence')?.descendantsOfType('raise_statement').length)
      continue;
    if (test.type === 'not_operator') return 'falsy';
    if (test.type === 'comparison_operator' && /\bis\s+None$/.test(test.text)) return 'none';
  }
  return undefined;
}

function bodyStatements(def: Node): Node[] {
  const body =
    def
      .childForFieldName('body')
      ?.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment') ?? [];
  const first = body[0]?.type === 'expression_statement' ? body[0].namedChild(0) : null;
  return first?.type === 'string' ? body.slice(1) : body;
}

/** `raise Exc(...)` text: the finding's call, or `Exc(<param>)` when its `__init__` takes one. */
function raiseText(
  project: PythonProject,
  file: string,
  raises: string,
  param: string,
  original: Node,
): string {
  if (raises.includes('(')) return `raise ${raises}`;
  const cls = resolveClass(project, file, raises);
  const init = cls?.node
    .childForFieldName('body')
    ?.namedChildren.find(
      (m) => m?.type === 'function_definition' && m.childForFieldName('name')?.text === '__init__',
    );
  const takesOne = (init?.childForFieldName('parameters')?.namedChildCount ?? 0) >= 2;
  const args = original.namedChild(0)?.childForFieldName('arguments')?.text ?? '()';
  return `raise ${raises}(${takesOne || !cls ? param : args.slice(1, -1)})`;
}

/** The copy's body with its parameter renamed and its raises replaced, at column 0. */
function rewrittenBody(
  project: PythonProject,
  copy: Copy,
  text: string,
  param: string,
  raises: string | undefined,
): string {
  const statements = bodyStatements(copy.def);
  const start = statements[0]!.startIndex;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const edits: { start: number; end: number; text: string }[] = [];
  const copyParam = copy.params[0]!;
  for (const s of statements) {
    for (const id of s.descendantsOfType('identifier')) {
      if (id?.text === copyParam && copyParam !== param && !isNameField(id))
        edits.push({ start: id.startIndex, end: id.endIndex, text: param });
    }
    for (const r of s.type === 'raise_statement' ? [s] : s.descendantsOfType('raise_statement')) {
      if (r && raises)
        edits.push({
          start: r.startIndex,
          end: r.endIndex,
          text: raiseText(project, copy.file, raises, param, r),
        });
    }
  }
  let body = text.slice(lineStart, statements[statements.length - 1]!.endIndex);
  const inside = (e: { start: number }) =>
    edits.some((o) => o !== e && e.start > o.start && e.start < o.end);
  for (const e of edits.filter((e) => !inside(e)).sort((a, b) => b.start - a.start)) {
    body = body.slice(0, e.start - lineStart) + e.text + body.slice(e.end - lineStart);
  }
  return dedent(body.replace(/\r\n/g, '\n'));
}

function header(signature: Signature): string {
  const params = signature.parameters.map(
    (p) =>
      `${p.name}${p.annotation ? `: ${p.annotation}` : ''}${p.default ? ` = ${p.default}` : ''}`,
  );
  return `def ${signature.name}(${params.join(', ')})${signature.returns ? ` -> ${signature.returns}` : ''}:`;
}

function fromCode(code: string, name: string): NewFunction {
  const read = readNewCode(code);
  const item =
    typeof read === 'string'
      ? undefined
      : read.items.find((i) => i.kind === 'function' && i.name === name);
  if (!item)
    refuse(
      problem(
        'consolidate-helpers/bad-code',
        typeof read === 'string' ? read : `the finding's code does not define \`${name}\``,
      ),
    );
  const tree = parsePython(item.text);
  try {
    const def = tree.rootNode.descendantsOfType('function_definition')[0]!;
    const params = (def.childForFieldName('parameters')?.namedChildren ?? []).map((p) =>
      p?.type === 'identifier'
        ? p.text
        : (p?.childForFieldName('name')?.text ?? p?.namedChild(0)?.text ?? ''),
    );
    return { name, params, text: item.text, condition: conditionOf(def) };
  } finally {
    tree.delete();
  }
}

/** The function as the target already defines it, if it does. */
function existingFunction(
  project: PythonProject,
  options: ConsolidateOptions,
): NewFunction | undefined {
  const bindings = project.analysis(options.target)?.globalBindings(options.name) ?? [];
  const existing = bindings.find((b) => b.kind === 'function');
  const text = project.text(options.target);
  if (!existing || text === undefined) return undefined;
  return fromCode(
    text.slice(existing.statement.startIndex, existing.statement.endIndex),
    options.name,
  );
}

/** Write the new function (see the module comment); refuses when there is nothing to take it from. */
export function newFunction(
  project: PythonProject,
  options: ConsolidateOptions,
  copies: readonly Copy[],
): NewFunction {
  if (options.code) return fromCode(options.code, options.name);
  const signature = options.signature ? signatureIn(options.signature) : undefined;
  if (!signature || signature.name !== options.name) {
    refuse(
      problem(
        'consolidate-helpers/no-spec',
        `the finding gives neither the code nor the signature of \`${options.name}\``,
      ),
    );
  }
  // The finding gives only the signature: a definition the module already has is the one.
  const existing = existingFunction(project, options);
  if (existing) return existing;
  const arity = signature.parameters.length;
  const fitting = copies.filter((c) => c.params.length === arity && c.defaults.size === 0);
  const chosen = options.behaviour
    ? fitting.find((c) => conditionOf(c.def) === options.behaviour)
    : fitting[0];
  if (!chosen) {
    const why = options.behaviour
      ? `no copy with the signature's ${arity} parameter(s) fails when the value is ${options.behaviour === 'falsy' ? 'unset or empty' : 'unset'}, as the finding states`
      : `no copy has the signature's ${arity} parameter(s) to take the body from`;
    refuse(
      problem('consolidate-helpers/no-body', `\`${options.name}\`: ${why}`, {
        hint: 'give the function in full in the finding or the options (`code`)',
      }),
    );
  }
  const text = project.text(chosen.file)!;
  const body = rewrittenBody(project, chosen, text, signature.parameters[0]!.name, options.raises);
  const code = `${header(signature)}\n${body
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n')}`;
  return {
    name: options.name,
    params: signature.parameters.map((p) => p.name),
    text: code,
    condition: conditionOf(chosen.def),
  };
}

/** The exception classes a function's `raise X(...)` statements name. */
export function raisedNames(def: Node): string[] {
  const out = new Set<string>();
  for (const r of def.descendantsOfType('raise_statement')) {
    const expr = r?.namedChild(0);
    const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
    if (callee?.type === 'identifier') out.add(callee.text);
  }
  return [...out];
}

/** Whether `name` (as `path` sees it) is `ancestor` or derives from it through first-party classes. */
export function derivesFrom(
  project: PythonProject,
  path: string,
  name: string,
  ancestor: string,
  depth = 0,
): boolean {
  if (name === ancestor || ancestor === 'Exception' || ancestor === 'BaseException') return true;
  // The new function's exception may not be imported yet: the one class of that name then.
  const found = findClasses(project, name);
  const cls =
    depth >= 8
      ? undefined
      : (resolveClass(project, path, name) ?? (found.length === 1 ? found[0] : undefined));
  const bases = cls?.node.childForFieldName('superclasses')?.namedChildren ?? [];
  return bases.some(
    (b) => b?.type === 'identifier' && derivesFrom(project, cls!.path, b.text, ancestor, depth + 1),
  );
}
