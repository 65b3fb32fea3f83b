/**
 * Turn a hand-written run of statements (found by `InlineHelper.findRun`) into a call of
 * the helper: the statements become `return helper(...)` or `target = helper(...)` at
 * their indentation, and the imports only they used are dropped once unused. Also reads
 * a call as the finding writes it (`paginate_response(assets, limit, event, f)`) into
 * the helper's parameters.
 */
import { Edit } from '../core/edit.js';
import type { ImportRequest } from './import-edits.js';
import type { InlinedRun } from './inline-match.js';
import { type Node, parsePython } from './parser.js';
import type { PythonProject } from './project/project.js';

export interface ParsedCall {
  readonly name: string;
  /** Argument text per helper parameter. */
  readonly args: ReadonlyMap<string, string>;
  /** The call as written (`name(a, b)`), without `return`. */
  readonly text: string;
}

/** `[return] name(a, b, k=v)` against the helper's parameters; undefined when it does not fit. */
export function parseCall(code: string, params: readonly string[]): ParsedCall | undefined {
  const text = code.trim().replace(/^return\s+/, '');
  const tree = parsePython(text);
  try {
    const call = tree.rootNode.namedChild(0)?.namedChild(0);
    if (call?.type !== 'call' || tree.rootNode.hasError) return undefined;
    const name = call.childForFieldName('function')?.text ?? '';
    const args = new Map<string, string>();
    let position = 0;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const key = arg.childForFieldName('name')?.text ?? '';
        if (!params.includes(key)) return undefined;
        args.set(key, arg.childForFieldName('value')?.text ?? '');
      } else if (arg.type.endsWith('splat') || position >= params.length) {
        return undefined;
      } else args.set(params[position++]!, arg.text);
    }
    return { name, args, text };
  } finally {
    tree.delete();
  }
}

/** Replace the run's statements with the call (`return call` or `target = call`). */
export function runReplacement(run: InlinedRun, call: string): Edit {
  const first = run.statements[0]!;
  const last = run.statements[run.statements.length - 1]!;
  const statement = run.target ? `${run.target} = ${call}` : `return ${call}`;
  return Edit.replace(first.startIndex, last.endIndex, statement);
}

/** `from m import x` bindings the nodes read: to drop if nothing else uses them afterwards. */
export function importsReadIn(
  project: PythonProject,
  path: string,
  nodes: readonly Node[],
): ImportRequest[] {
  const analysis = project.analysis(path);
  if (!analysis || nodes.length === 0) return [];
  const start = nodes[0]!.startIndex;
  const end = nodes[nodes.length - 1]!.endIndex;
  const out: ImportRequest[] = [];
  for (const ref of analysis.references) {
    if (ref.start < start || ref.end > end) continue;
    for (const b of ref.bindings) {
      const imp = b.import;
      if (b.kind !== 'import' || b.scope.kind !== 'module' || !imp?.clause || imp.clause.alias)
        continue;
      const module = '.'.repeat(imp.statement.level) + imp.statement.module;
      const request =
        imp.statement.kind === 'from'
          ? { module, name: imp.clause.name }
          : { module: imp.clause.name };
      if (!out.some((r) => r.module === request.module && r.name === request.name))
        out.push(request);
    }
  }
  return out;
}
