/**
 * remove-dead-code for unreachable statements (`unreachableIn`): in the named function,
 * the statements of a block that follow a `return`, `raise`, `continue` or `break` of
 * that same block can never run, so they are deleted (inventory-service TD-005's
 * `return None` after the last `return`). When the finding quotes the code
 * (`statement`), the unreachable code must be exactly that, or it refuses saying what
 * is there instead. Fix safety: safe, unless the deleted code holds a `yield` (which
 * makes the function a generator) or a `global` / `nonlocal` declaration (which changes
 * what names mean everywhere in the function): then unsafe.
 */
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { findDefinitions } from '../../src/python/definitions.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { sameCode } from '../../src/python/tokens.js';
import type { DeadCodeOptions } from './options.js';

type Ctx = PythonProjectContext<DeadCodeOptions>;

const TERMINAL = new Set([
  'return_statement',
  'raise_statement',
  'continue_statement',
  'break_statement',
]);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

/** Statements after a terminal one in the same block: the first and last of each run. */
interface DeadRun {
  readonly after: Node;
  /** The first node deleted (a comment above the dead code, or its first statement). */
  readonly first: Node;
  readonly firstStatement: Node;
  readonly last: Node;
}

/** Delete the unreachable statements of the named function. */
export function runRemoveUnreachable(ctx: Ctx): void {
  const { file, unreachableIn: name = '' } = ctx.options;
  if (!ctx.exists(file)) {
    ctx.refuse({ code: 'dead-code/module-not-found', message: `${file} does not exist` });
  }
  const source = ctx.file(file);
  const found = findDefinitions(source.tree, name).filter((d) => d.type === 'function_definition');
  if (found.length !== 1) {
    const message =
      found.length === 0
        ? `no function ${name} in ${file}`
        : `${found.length} functions named ${name} in ${file} (lines ${found.map(lineOf).join(', ')}): which one is meant?`;
    ctx.refuse({ code: 'dead-code/no-function', message, file });
  }
  const runs = deadRuns(found[0]!);
  if (runs.length === 0) {
    const message = `nothing in ${name} (${file}) is unreachable (already removed?)`;
    ctx.report({ severity: 'info', code: 'dead-code/nothing-unreachable', message, file });
    return;
  }
  const text = source.text;
  const dead = runs.map((r) => text.slice(r.firstStatement.startIndex, r.last.endIndex));
  const quoted = ctx.options.statement;
  if (quoted !== undefined && !(runs.length === 1 && sameCode(dead[0]!, quoted))) {
    const message = `the unreachable code in ${name} is \`${dead.join('` and `')}\`, not \`${quoted}\` as the finding says; nothing changed`;
    ctx.refuse({
      code: 'dead-code/other-unreachable',
      message,
      file,
      line: lineOf(runs[0]!.firstStatement),
    });
  }
  const edits = runs.map((r) => Edit.delete(runStart(text, r), lineEnd(text, r.last.endIndex)));
  const title = `remove unreachable ${dead.map((d) => `\`${d.split('\n')[0]}\``).join(', ')} in ${name}`;
  const effect = runs.map(effectOf).find((e) => e !== undefined);
  ctx.fix(file, effect ? Fix.unsafe(`${title} (${effect})`, edits) : Fix.safe(title, edits));
}

/** Every block of `def` (not of nested functions or classes) with statements after a terminal one. */
function deadRuns(def: Node): DeadRun[] {
  const body = def.childForFieldName('body');
  if (!body) return [];
  const blocks = [body, ...body.descendantsOfType('block')].filter(
    (b, i, all): b is Node => !!b && all.findIndex((o) => o?.id === b.id) === i,
  );
  const runs: DeadRun[] = [];
  for (const block of blocks) {
    if (ownerScope(block)?.id !== def.id) continue;
    if (
      runs.some((r) => block.startIndex >= r.first.startIndex && block.endIndex <= r.last.endIndex)
    )
      continue;
    const statements = block.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    const at = statements.findIndex((s) => TERMINAL.has(s.type));
    if (at < 0 || at === statements.length - 1) continue;
    const after = statements[at]!;
    // Comments on their own lines between the terminal statement and the dead code go with it.
    const first = block.namedChildren.find(
      (n): n is Node =>
        !!n && n.startIndex >= after.endIndex && n.startPosition.row > after.endPosition.row,
    )!;
    runs.push({
      after,
      first,
      firstStatement: statements[at + 1]!,
      last: statements[statements.length - 1]!,
    });
  }
  return runs.sort((a, b) => a.first.startIndex - b.first.startIndex);
}

/** The function, class or lambda a node belongs to. */
function ownerScope(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
  return undefined;
}

/** What deleting the run changes although it never runs, or undefined. */
function effectOf(run: DeadRun): string | undefined {
  for (let s: Node | null = run.first; s; s = s.nextNamedSibling) {
    const own = (n: Node | null | undefined) =>
      !!n && ownerScope(n)?.id === ownerScope(run.first)?.id;
    if ([s, ...s.descendantsOfType('yield')].some((n) => n?.type === 'yield' && own(n)))
      return 'it holds a `yield`, which makes the function a generator';
    const declarations = [s, ...s.descendantsOfType(['global_statement', 'nonlocal_statement'])];
    if (declarations.some((n) => n && /^(global|nonlocal)_statement$/.test(n.type) && own(n)))
      return 'it holds a `global` / `nonlocal` declaration';
    if (s.id === run.last.id) break;
  }
  return undefined;
}

/** The start of the run's first line, or right after the terminal statement when they share it. */
function runStart(text: string, run: DeadRun): number {
  const start = text.lastIndexOf('\n', run.first.startIndex - 1) + 1;
  return start < run.after.endIndex ? run.after.endIndex : start;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}
