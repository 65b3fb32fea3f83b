/**
 * Text layout of the shared module: a new module (docstring naming where the helpers
 * came from, import block, constants, functions two blank lines apart) and where
 * constants go in an existing one (after its leading imports, else its docstring).
 */
import { topLevelImports } from '../../src/python/imports.js';
import { docstringOf } from '../../src/python/nodes.js';
import type { PythonProject } from '../../src/python/project/project.js';

const DEFINITIONS = ['function_definition', 'class_definition', 'decorated_definition'];

/** The text of a new shared module. */
export function newModuleText(
  sources: readonly string[],
  importBlock: string,
  constants: readonly string[],
  functions: readonly string[],
): string {
  const list = sources.map((s) => `- ${s}`).join('\n');
  const parts = [`"""Shared helpers, extracted from:\n\n${list}\n"""\n`];
  if (importBlock) parts.push(importBlock);
  if (constants.length > 0) parts.push(`${constants.join('\n')}\n`);
  return parts.join('\n') + functions.map((f) => `\n\n${f}\n`).join('');
}

/** Just after the module's leading imports (or its docstring), at a line start; 0 if neither. */
export function constantsInsertionPoint(project: PythonProject, target: string): number {
  const analysis = project.analysis(target);
  const text = project.text(target) ?? '';
  if (!analysis) return 0;
  const root = analysis.tree.rootNode;
  const firstDefinition = root.namedChildren.find((n) => !!n && DEFINITIONS.includes(n.type));
  const leading = topLevelImports(analysis.tree).filter(
    (s) => !firstDefinition || s.end <= firstDefinition.startIndex,
  );
  const anchor = leading[leading.length - 1]?.node ?? docstringOf(root);
  if (!anchor) return 0;
  const nl = text.indexOf('\n', anchor.endIndex);
  return nl === -1 ? text.length : nl + 1;
}
