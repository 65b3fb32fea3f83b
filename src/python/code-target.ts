/**
 * The place a code-adding transform writes to: a module of the project, or a class of
 * it (found by name, never by line), with what it already binds — so that an identical
 * definition is a no-op and a different one is refused with a diff. `prefix` is the
 * caller's diagnostic prefix (`add-code`, `settings`, ...).
 */
import { createPatch } from 'diff';
import { dedent } from '../core/text.js';
import { type PlanDiagnostic, problem, refuse } from './change-plan.js';
import { findClasses } from './class-fields.js';
import { withDecorators } from './nodes.js';
import type { Node, Tree } from './parser.js';
import type { PythonProject } from './project/project.js';
import { sameCode } from './tokens.js';

export interface Target {
  readonly path: string;
  readonly text: string;
  readonly tree: Tree;
  readonly eol: '\n' | '\r\n';
  /** The class added to, when the code goes into a class. */
  readonly cls: Node | undefined;
}

/** The module `path` as parsed by the project; refuses when it is missing or does not parse. */
export function openModule(
  project: PythonProject,
  path: string,
  prefix: string,
): Omit<Target, 'cls'> {
  const text = project.text(path);
  if (text === undefined) {
    refuse(
      problem(`${prefix}/no-file`, `${path} does not exist`, {
        file: path,
        hint: "only an existing module is added to; a new file is create-file's job",
      }),
    );
  }
  const tree = project.source.tree(path);
  if (!tree) refuse(problem(`${prefix}/unparsable`, `${path} does not parse`, { file: path }));
  return { path, text, tree, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Module-level classes of a tree by name. */
export function classNamed(tree: Tree, name: string): Node | undefined {
  for (const s of tree.rootNode.namedChildren) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type === 'class_definition' && def.childForFieldName('name')?.text === name)
      return def;
  }
  return undefined;
}

/** A problem naming where else the class exists (or that it exists nowhere). */
export function unknownClass(
  project: PythonProject,
  name: string,
  path: string | undefined,
  prefix: string,
): PlanDiagnostic {
  const elsewhere = findClasses(project, name).map((c) => `${c.path}:${c.line}`);
  const where = path ? ` in ${path}` : ' in the project';
  const also = elsewhere.length ? `; it is defined in ${elsewhere.join(', ')}` : '';
  return problem(`${prefix}/unknown-class`, `class \`${name}\` does not exist${where}${also}`, {
    ...(path ? { file: path } : {}),
    hint: 'name the class the code belongs to (option `class`, and `file`)',
  });
}

/** The class `name` of the project (in `path` when given); refuses when there is none or several. */
export function locateClass(
  project: PythonProject,
  name: string,
  path: string | undefined,
  prefix: string,
): { path: string; cls: Node } {
  const found = findClasses(project, name, path ? [path] : undefined);
  if (found.length === 0) refuse(unknownClass(project, name, path, prefix));
  if (found.length > 1) {
    const where = found.map((c) => `${c.path}:${c.line}`).join(', ');
    refuse(
      problem(`${prefix}/ambiguous-class`, `${found.length} classes named \`${name}\` (${where})`, {
        hint: 'give the module with option `file`',
      }),
    );
  }
  return { path: found[0]!.path, cls: found[0]!.node };
}

/** The statement of `scope` (module or class body) that binds `name` as a def, class or assignment. */
export function existingStatement(scope: Node, name: string): Node | undefined {
  const body = scope.type === 'class_definition' ? scope.childForFieldName('body') : scope;
  for (const s of body?.namedChildren ?? []) {
    if (!s) continue;
    const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (
      (def?.type === 'function_definition' || def?.type === 'class_definition') &&
      def.childForFieldName('name')?.text === name
    ) {
      return withDecorators(def);
    }
    const assignment = s.type === 'expression_statement' ? s.namedChild(0) : null;
    if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === name) {
      return s;
    }
  }
  return undefined;
}

/** The text of a statement at column 0. */
export function statementText(text: string, statement: Node): string {
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  return dedent(text.slice(lineStart, statement.endIndex).replace(/\r\n/g, '\n'));
}

export type Comparison = 'absent' | 'identical' | 'different';

/** Whether `name` is already in `scope`, and with the same code as `wanted`. */
export function compareExisting(
  text: string,
  scope: Node,
  name: string,
  wanted: string,
): {
  readonly state: Comparison;
  readonly statement?: Node;
} {
  const statement = existingStatement(scope, name);
  if (!statement) return { state: 'absent' };
  const state = sameCode(statementText(text, statement), wanted) ? 'identical' : 'different';
  return { state, statement };
}

/** A unified diff of the definition in the file against the one the finding gives. */
export function definitionDiff(path: string, existing: string, wanted: string): string {
  const patch = createPatch(path, `${existing}\n`, `${wanted}\n`, 'in the file', 'in the finding');
  return patch.split('\n').slice(2).join('\n').trimEnd();
}

/** Stop: `label` exists in `path` with other code than `wanted`; the message carries a diff. */
export function refuseDifferent(
  prefix: string,
  path: string,
  text: string,
  statement: Node,
  label: string,
  wanted: string,
): never {
  const line = statement.startPosition.row + 1;
  const diff = definitionDiff(path, statementText(text, statement), wanted);
  refuse(
    problem(
      `${prefix}/exists-different`,
      `${label} already exists in ${path} (line ${line}) with other code:\n${diff}`,
      {
        file: path,
        line,
        hint: 'merge the two by hand, or replace the definition (replace-definition)',
      },
    ),
  );
}
