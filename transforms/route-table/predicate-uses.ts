/**
 * Whether a predicate is still used once the chain is gone: any reference in the
 * project outside the replaced chain and the predicate itself (a call elsewhere, an
 * import by another module, `module._is_x`, a `mock.patch` string, `__all__`) keeps it.
 */
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { findSymbolUses } from '../../src/python/project/references.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** `path:line` of the first use outside `ignore` (ranges of `file`), or undefined. */
export function firstOtherUse(
  project: PythonProject,
  file: string,
  name: string,
  ignore: readonly Range[],
): string | undefined {
  const uses = findSymbolUses(project, { path: file, name });
  const inside = (path: string, offset: number) =>
    path === file && ignore.some((r) => r.start <= offset && offset < r.end);
  const at = (path: string, node: Node) => `${path}:${node.startPosition.row + 1}`;
  for (const use of uses.names) {
    if (!inside(use.path, use.reference.start)) return at(use.path, use.reference.node);
  }
  const imported = uses.imports[0];
  if (imported) return `${at(imported.path, imported.nameNode)} (import)`;
  const attribute = uses.attributes[0];
  if (attribute) return at(attribute.path, attribute.node);
  const text = uses.strings[0];
  if (text) return `${at(text.path, text.node)} (string)`;
  const dynamic = uses.dynamic[0];
  if (dynamic) return `${dynamic.path}:${dynamic.line} (${dynamic.why})`;
  return undefined;
}
