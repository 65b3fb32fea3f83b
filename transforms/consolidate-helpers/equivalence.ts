/**
 * Is a helper copy interchangeable with the new function — in general, or for one call?
 * The copy (with the parameters a call leaves at their defaults replaced by those
 * defaults) and the new function are compared structurally (`InlineHelper`): what they
 * raise does not count (the finding changes it); `os.getenv(k)`, `os.getenv(k, None)`
 * and `os.environ.get(k)` are the same read (the standard library defines them so). A
 * remaining difference in the failure test (`not value` against `value is None`) is a
 * behaviour change the finding may ask for; any other difference is not proven and the
 * call is left, with the difference named.
 */

import { type InlinedRun, InlineHelper, type Mismatch } from '../../src/python/inline-match.js';
import { isNameField } from '../../src/python/name-reads.js';
import { type Node, parsePython } from '../../src/python/parser.js';
import type { Condition, Copy, NewFunction } from './spec.js';

export type Verdict =
  | { readonly kind: 'equivalent' }
  /** Interchangeable except the failure test, which the finding states: an intended change. */
  | { readonly kind: 'changed'; readonly what: string }
  | { readonly kind: 'different'; readonly why: string };

const READERS = new Set(['os.getenv', 'getenv', 'os.environ.get', 'environ.get']);

function replaceAll(
  text: string,
  edits: readonly { start: number; end: number; text: string }[],
  base = 0,
): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start - base) + e.text + out.slice(e.end - base);
  }
  return out;
}

/** `os.getenv(k)` / `os.getenv(k, None)` / `environ.get(k, None)` -> `os.environ.get(k)`. */
export function normaliseEnvReads(code: string): string {
  const tree = parsePython(code);
  try {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const call of tree.rootNode.descendantsOfType('call')) {
      if (!call || !READERS.has(call.childForFieldName('function')?.text ?? '')) continue;
      const args =
        call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
      if (args.length === 1 || (args.length === 2 && args[1]!.text === 'None')) {
        edits.push({
          start: call.startIndex,
          end: call.endIndex,
          text: `os.environ.get(${args[0]!.text})`,
        });
      }
    }
    return replaceAll(code, edits);
  } finally {
    tree.delete();
  }
}

/** The copy as a function of its first `kept` parameters, the others replaced by `values`. */
export function specialise(
  text: string,
  copy: Copy,
  kept: number,
  values: ReadonlyMap<string, string>,
): string {
  const body = copy.def.childForFieldName('body')!;
  const lineStart = text.lastIndexOf('\n', body.startIndex - 1) + 1;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const id of body.descendantsOfType('identifier')) {
    const value = id && !isNameField(id) ? values.get(id.text) : undefined;
    if (id && value !== undefined)
      edits.push({
        start: id.startIndex,
        end: id.endIndex,
        text: /^[\w."']+$/.test(value) ? value : `(${value})`,
      });
  }
  const bodyText = replaceAll(text.slice(lineStart, body.endIndex), edits, lineStart);
  const indent = /^[ \t]*/.exec(bodyText)![0];
  const dedented = bodyText
    .split('\n')
    .map((l) => (l.startsWith(indent) ? `    ${l.slice(indent.length)}` : l))
    .join('\n');
  return `def ${copy.name}(${copy.params.slice(0, kept).join(', ')}):\n${dedented}\n`;
}

/** `not x` against `x is None` (either way round): the two failure tests of an env read. */
export function isConditionFlip(m: Pick<Mismatch, 'helper' | 'site'>): boolean {
  const kinds = [m.helper, m.site].map((n) =>
    n.type === 'not_operator' ? 'falsy' : /\bis\s+None$/.test(n.text) ? 'none' : '',
  );
  return kinds[0] !== '' && kinds[1] !== '' && kinds[0] !== kinds[1];
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** The run of the copy's statements that is the new function, or why there is none. */
function runOver(helper: InlineHelper, def: Node, fn: NewFunction): InlinedRun | string {
  const copyParams = (def.childForFieldName('parameters')?.namedChildren ?? []).map(
    (p) => p?.text ?? '',
  );
  if (copyParams.length !== fn.params.length) {
    return `it takes ${copyParams.length} argument(s), \`${fn.name}\` takes ${fn.params.length}`;
  }
  const run = helper.findRun(def, new Map(fn.params.map((p, i) => [p, copyParams[i]!])), {
    anyRaise: true,
  });
  const body = def
    .childForFieldName('body')!
    .namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  // Nodes are compared by id: tree-sitter hands out a new wrapper on every access.
  const at = (node: Node | undefined) => body.findIndex((s) => s.id === node?.id);
  const rest = run ? body.slice(at(run.statements[run.statements.length - 1]) + 1) : [];
  const returnsTarget = run?.target
    ? rest.length === 1 && rest[0]!.text === `return ${run.target}`
    : rest.length === 0;
  if (!run || !returnsTarget || at(run.statements[0]) > (isDoc(body[0]) ? 1 : 0)) {
    return `its statements are not \`${fn.name}\`'s`;
  }
  return run;
}

/** What the run's differences mean: none, an intended change of the failure test, or not proven. */
function verdictOf(
  run: InlinedRun,
  fn: NewFunction,
  copyName: string,
  stated: Condition | undefined,
): Verdict {
  const differs = (m: Mismatch) =>
    `\`${oneLine(m.site.text)}\` where \`${fn.name}\` has \`${oneLine(m.helper.text)}\``;
  const others = run.mismatches.filter((m) => !isConditionFlip(m));
  if (others.length > 0) return { kind: 'different', why: others.map(differs).join('; ') };
  const flip = run.mismatches[0];
  if (!flip) return { kind: 'equivalent' };
  if (stated && stated === fn.condition) {
    const what =
      fn.condition === 'falsy'
        ? 'also fails on an empty value'
        : 'fails only when the value is unset';
    return {
      kind: 'changed',
      what: `\`${copyName}\` tested \`${oneLine(flip.site.text)}\`; \`${fn.name}\` ${what}, as the finding states`,
    };
  }
  return {
    kind: 'different',
    why: `it fails on \`${oneLine(flip.site.text)}\` where \`${fn.name}\` fails on \`${oneLine(flip.helper.text)}\``,
  };
}

/** Compare the new function with a (specialised) copy text. */
export function compare(
  fn: NewFunction,
  copyText: string,
  copyName: string,
  stated: Condition | undefined,
): Verdict {
  const helper = InlineHelper.parse(normaliseEnvReads(fn.text));
  const tree = parsePython(normaliseEnvReads(copyText));
  try {
    const def = tree.rootNode.descendantsOfType('function_definition')[0];
    if (!helper || !def) return { kind: 'different', why: 'it is not a function remedy can read' };
    const run = runOver(helper, def, fn);
    return typeof run === 'string'
      ? { kind: 'different', why: run }
      : verdictOf(run, fn, copyName, stated);
  } finally {
    helper?.dispose();
    tree.delete();
  }
}

function isDoc(statement: Node | undefined): boolean {
  return statement?.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
}
