/**
 * The text that goes into the shared module: a helper's definition (with its
 * decorators and the comment lines right above it) renamed to its new name, with the
 * other helpers it calls renamed too, and for a guarded merge the new parameter and
 * guard; or a constant / function copied along under its own name.
 */
import { applyEdits, Edit } from '../../src/core/edit.js';
import type { Node } from '../../src/python/parser.js';
import { leadingComments } from '../../src/python/removal.js';
import { shapeOf } from '../../src/python/structure.js';
import type { GuardedMerge } from './classify.js';
import type { Copy } from './copies.js';
import type { DependencyResolver } from './dependencies.js';
import { guardConditionEdit, parameterEdit } from './parameter.js';

/** Start of a statement's text including the comment block right above it. */
export function statementTextStart(statement: Node): number {
  const comments = leadingComments(statement);
  return comments[0]?.startIndex ?? statement.startIndex;
}

/** Edits renaming the helper names `node` reads to their new names. */
function helperRenames(resolver: DependencyResolver, path: string, node: Node): Edit[] {
  const print = resolver.printName(path);
  const edits: Edit[] = [];
  for (const ref of shapeOf(resolver.analysis(path), node).free) {
    const name = print(ref);
    if (name !== ref.name) edits.push(Edit.replace(ref.start, ref.end, name));
  }
  return edits;
}

function rewrite(text: string, start: number, end: number, edits: readonly Edit[]): string {
  const shifted = edits.map((e) => Edit.replace(e.start - start, e.end - start, e.text));
  return applyEdits(text.slice(start, end), shifted).replace(/\r\n/g, '\n');
}

/** A constant or function copied along: its text with helper calls renamed. */
export function copiedStatementText(
  resolver: DependencyResolver,
  path: string,
  text: string,
  statement: Node,
): string {
  const start = statementTextStart(statement);
  return rewrite(text, start, statement.endIndex, helperRenames(resolver, path, statement));
}

/** The shared definition of a helper, named `to`. */
export function sharedDefinitionText(
  resolver: DependencyResolver,
  base: Copy,
  text: string,
  to: string,
  merge: GuardedMerge | undefined,
  withComments = true,
): string {
  const edits = helperRenames(resolver, base.path, base.statement);
  const name = base.definition.childForFieldName('name')!;
  if (name.text !== to) edits.push(Edit.replaceNode(name, to));
  if (merge) {
    edits.push(guardConditionEdit(merge.block, merge.parameter));
    edits.push(parameterEdit(base.definition, merge.parameter, merge.defaultValue, text));
  }
  const start = withComments ? statementTextStart(base.statement) : base.statement.startIndex;
  return rewrite(text, start, base.statement.endIndex, edits);
}
