/**
 * Find the copies of each helper (in the sources, and a definition the target already
 * has under the new name) and give each a key: its shape (layout, comments and
 * docstrings ignored, locals alpha-renamed, helpers by their new names) plus what its
 * free names mean in its module. Equal keys mean interchangeable copies.
 */
import { lineOf, withDecorators } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { shapeOf } from '../../src/python/structure.js';
import type { DependencyResolver } from './dependencies.js';
import type { HelperGroup } from './options.js';

export interface Copy {
  readonly path: string;
  /** The helper's name in that file. */
  readonly name: string;
  readonly definition: Node;
  /** The module-level statement (the decorated definition when decorated). */
  readonly statement: Node;
}

export interface GroupCopies {
  readonly group: HelperGroup;
  readonly copies: readonly Copy[];
  /** Sources that already import the shared helper. */
  readonly alreadyShared: readonly string[];
  /** Sources that neither define nor import it. */
  readonly absent: readonly string[];
  readonly problems: readonly string[];
}

/** The module-level function `name` of `path`, a problem, or undefined when absent. */
function locate(
  project: PythonProject,
  path: string,
  name: string,
): { definition: Node; statement: Node } | { problem: string } | undefined {
  const analysis = project.analysis(path);
  if (!analysis) return { problem: `${path} cannot be read or does not parse` };
  const bindings = analysis.globalBindings(name);
  if (bindings.length === 0) return undefined;
  if (bindings.length > 1) {
    const lines = bindings.map((b) => lineOf(b.node)).join(', ');
    return { problem: `\`${name}\` is bound ${bindings.length} times in ${path} (lines ${lines})` };
  }
  const b = bindings[0]!;
  if (b.kind === 'import') return undefined;
  if (b.kind !== 'function') {
    return {
      problem: `\`${name}\` in ${path} is not a function (it is a ${b.kind}, line ${lineOf(b.node)})`,
    };
  }
  const statement = withDecorators(b.statement);
  if (statement.parent?.type !== 'module') {
    return {
      problem: `\`${name}\` in ${path} is defined inside a block (line ${lineOf(b.node)}); move it to module level first`,
    };
  }
  return { definition: b.statement, statement };
}

/** Whether `path` binds `name` by importing `to` from the target module. */
function importsShared(
  project: PythonProject,
  path: string,
  name: string,
  targetModule: string,
  to: string,
): boolean {
  const analysis = project.analysis(path);
  return (analysis?.globalBindings(name) ?? []).some(
    (b) => b.kind === 'import' && project.importTarget(path, b) === `${targetModule}.${to}`,
  );
}

export function findCopies(
  project: PythonProject,
  group: HelperGroup,
  target: string,
  targetModule: string,
): GroupCopies {
  const copies: Copy[] = [];
  const alreadyShared: string[] = [];
  const absent: string[] = [];
  const problems: string[] = [];
  for (const { path, from } of group.sources) {
    const found = locate(project, path, from);
    if (found && 'problem' in found) problems.push(found.problem);
    else if (found) copies.push({ path, name: from, ...found });
    else if (path === target || importsShared(project, path, from, targetModule, group.to))
      alreadyShared.push(path);
    else if (importsShared(project, path, group.to, targetModule, group.to))
      alreadyShared.push(path);
    else absent.push(path);
  }
  const inTarget = copies.some((c) => c.path === target);
  if (!inTarget && project.files.includes(target)) {
    // Anything else the target binds under the new name is a collision, reported later.
    const existing = locate(project, target, group.to);
    if (existing && !('problem' in existing))
      copies.unshift({ path: target, name: group.to, ...existing });
  }
  return { group, copies, alreadyShared, absent, problems };
}

/** The identity of a copy: its shape (optionally without one node) and its environment. */
export function copyKey(resolver: DependencyResolver, copy: Copy, omit?: Node): string {
  const analysis = resolver.analysis(copy.path);
  const shape = shapeOf(analysis, copy.statement, {
    freeName: resolver.printName(copy.path),
    ...(omit ? { omit: new Set([omit.id]) } : {}),
  });
  return `${shape.key}{${resolver.environment(copy.path, shape.free)}}`;
}
