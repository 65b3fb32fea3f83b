/**
 * Where new code goes so that a reader finds it where they expect it: constants and
 * type variables with the module's constants, fixtures after fixtures, a helper before
 * its first use (else at the end), fields after the class's fields, validators after
 * the validators (else right after the fields), other methods at the end of the class.
 * Every placement is an insertion of whole lines with PEP 8 blank lines around it.
 */
import { Edit } from '../core/edit.js';
import { decoratorName } from './new-code.js';
import { docstringOf } from './nodes.js';
import type { Node, Tree } from './parser.js';

export type Eol = '\n' | '\r\n';

/** What is being placed in a module. */
export interface ModuleItem {
  readonly kind: 'function' | 'class' | 'assignment' | 'import' | 'statement';
  /** At column 0, with `\n` line breaks. */
  readonly text: string;
  readonly decorators: readonly string[];
  /** Module-level definitions that will use it (placed before the first of them). */
  readonly usedBy?: readonly string[];
}

const IMPORT_TYPES = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
]);

function statements(root: Node): Node[] {
  return root.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
}

function innerDefinition(statement: Node): Node | undefined {
  const def =
    statement.type === 'decorated_definition'
      ? statement.childForFieldName('definition')
      : statement;
  return def && (def.type === 'function_definition' || def.type === 'class_definition')
    ? def
    : undefined;
}

function decoratorsOf(statement: Node): string[] {
  if (statement.type !== 'decorated_definition') return [];
  return statement.namedChildren
    .filter((c): c is Node => c?.type === 'decorator')
    .map(decoratorName);
}

function isAssignment(statement: Node): boolean {
  return (
    statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'assignment'
  );
}

/** Start of the line of `node`, moved up over the comment lines directly above it. */
function leadingStart(text: string, node: Node): number {
  let start = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  for (let prev = node.previousSibling; prev?.type === 'comment'; prev = prev.previousSibling) {
    if (prev.endPosition.row !== prev.startPosition.row) break;
    const between = text.slice(prev.endIndex, start);
    if ((between.match(/\n/g) ?? []).length > 1) break;
    start = text.lastIndexOf('\n', prev.startIndex - 1) + 1;
  }
  return start;
}

/** Offset just past the line break that ends `node`'s last line (or the end of the text). */
export function lineEndAfter(text: string, node: Node): number {
  const nl = text.indexOf('\n', node.endIndex);
  return nl === -1 ? text.length : nl + 1;
}

function withEol(text: string, eol: Eol): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

/** Insert `block` (at column 0) after `node`, separated by `blank` blank lines. */
function after(text: string, node: Node, block: string, blank: number, eol: Eol): Edit {
  const at = lineEndAfter(text, node);
  const needsBreak = at === text.length && !text.endsWith('\n');
  return Edit.insert(
    at,
    `${needsBreak ? eol : ''}${eol.repeat(blank)}${withEol(block, eol)}${eol}`,
  );
}

/** Insert `block` before `node` (and its comments), followed by `blank` blank lines. */
function before(text: string, node: Node, block: string, blank: number, eol: Eol): Edit {
  return Edit.insert(leadingStart(text, node), `${withEol(block, eol)}${eol.repeat(blank + 1)}`);
}

/** The last statement of the module's header: docstring, imports, `__all__`, future imports. */
function headerEnd(root: Node): Node | undefined {
  let last: Node | undefined = docstringOf(root);
  for (const s of statements(root)) {
    if (IMPORT_TYPES.has(s.type) || (isAssignment(s) && /^__\w+__\s*=/.test(s.text))) last = s;
    else if (s !== last) break;
  }
  return last;
}

/** The first of `body` (statements after the header) that mentions one of `names` as a whole word. */
function firstUse(body: readonly Node[], names: readonly string[]): Node | undefined {
  if (names.length === 0) return undefined;
  const word = new RegExp(`\\b(?:${names.join('|')})\\b`);
  return body.find((s) => !IMPORT_TYPES.has(s.type) && word.test(s.text));
}

/** Where a new module-level item goes: an insertion edit. */
export function moduleInsertion(text: string, tree: Tree, item: ModuleItem, eol: Eol): Edit {
  const root = tree.rootNode;
  const all = statements(root);
  const header = headerEnd(root);
  // Nodes are compared by id: tree-sitter hands out a new wrapper on every access.
  const body = header ? all.slice(all.findIndex((s) => s.id === header.id) + 1) : all;
  if (item.kind === 'assignment' || item.kind === 'statement') {
    const firstDef = body.findIndex((s) => innerDefinition(s));
    const constants = (firstDef === -1 ? body : body.slice(0, firstDef)).filter(isAssignment);
    const anchor = constants[constants.length - 1] ?? header;
    if (anchor) return after(text, anchor, item.text, anchor === header ? 1 : 0, eol);
    return Edit.insert(0, `${withEol(item.text, eol)}${eol}${eol}`);
  }
  const used = firstUse(body, item.usedBy ?? []);
  if (used) return before(text, used, item.text, 2, eol);
  const family = item.decorators.length
    ? body.filter((s) => decoratorsOf(s).some((d) => item.decorators.includes(d)))
    : [];
  const anchor = family[family.length - 1] ?? all[all.length - 1];
  if (!anchor) return Edit.insert(0, `${withEol(item.text, eol)}${eol}`);
  return after(text, anchor, item.text, 2, eol);
}

/** What is being placed in a class body. */
export type ClassItemKind = 'field' | 'validator' | 'method';

function isField(statement: Node): boolean {
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  return assignment?.type === 'assignment' && !!assignment.childForFieldName('type');
}

function isValidator(statement: Node): boolean {
  return decoratorsOf(statement).some((d) => /validator$/.test(d));
}

/** The indentation of a class body (from its first statement). */
export function bodyIndent(text: string, cls: Node): string {
  const body = cls.childForFieldName('body');
  const first = body?.namedChildren.find((n) => !!n);
  if (!first) return '    ';
  const lineStart = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  return text.slice(lineStart, first.startIndex);
}

function indented(block: string, indent: string): string {
  return block
    .split('\n')
    .map((l) => (l === '' ? l : indent + l))
    .join('\n');
}

/** Where a new field or method goes in class `cls`: an insertion edit. */
export function classInsertion(
  text: string,
  cls: Node,
  kind: ClassItemKind,
  block: string,
  eol: Eol,
): Edit {
  const body = cls.childForFieldName('body');
  const members = body ? statements(body) : [];
  const fields = members.filter(isField);
  const lastField = fields[fields.length - 1];
  const code = indented(block, bodyIndent(text, cls));
  if (kind === 'field') {
    const anchor = lastField ?? members.find((m) => isAssignment(m)) ?? docstringOf(body!);
    if (anchor) return after(text, anchor, code, anchor === lastField ? 0 : 1, eol);
  }
  if (kind === 'validator') {
    const validators = members.filter(isValidator);
    const anchor = validators[validators.length - 1] ?? lastField;
    if (anchor) return after(text, anchor, code, 1, eol);
  }
  const last = members[members.length - 1];
  if (!last) return after(text, cls, code, 0, eol);
  const onlyPass = members.length === 1 && last.type === 'pass_statement';
  if (onlyPass)
    return Edit.replace(
      leadingStart(text, last),
      lineEndAfter(text, last),
      `${withEol(code, eol)}${eol}`,
    );
  return after(text, last, code, 1, eol);
}
