/**
 * `exportFrom`: a package `__init__.py` re-exports the shared helpers — it imports
 * them (relative when its other `from` imports are all relative) and lists them in
 * its literal `__all__` (in sorted position when the list is sorted).
 */
import { Edit } from '../../src/core/edit.js';
import type { ImportRequest } from '../../src/python/import-edits.js';
import { topLevelImports } from '../../src/python/imports.js';
import { stringLiteralValue } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';

export interface ExportPlan {
  readonly imports: readonly ImportRequest[];
  readonly edits: readonly Edit[];
  readonly infos: readonly string[];
}

function moduleSpec(project: PythonProject, init: string, targetModule: string): string {
  const analysis = project.analysis(init);
  const froms = analysis
    ? topLevelImports(analysis.tree).filter((s) => s.kind === 'from' && !s.isFuture)
    : [];
  const relative = froms.length > 0 && froms.every((s) => s.level > 0);
  const pkg = project.moduleName(init);
  if (relative && pkg && targetModule.startsWith(`${pkg}.`)) {
    return `.${targetModule.slice(pkg.length + 1)}`;
  }
  return targetModule;
}

/** The list or tuple of a module-level `__all__ = [...]`. */
function allList(project: PythonProject, init: string): Node | undefined {
  const binding = project.analysis(init)?.globalBindings('__all__')[0];
  const right = binding?.statement.childForFieldName('right');
  return right && (right.type === 'list' || right.type === 'tuple') ? right : undefined;
}

/** isort's order by type (RUF022): CONSTANTS, then Classes, then the rest. */
function sortKey(name: string): string {
  const kind = name.length > 1 && name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return `${kind}${name}`;
}

function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Edits adding `names` to the literal list, one edit per insertion point. */
function allEdits(text: string, list: Node, names: readonly string[]): Edit[] {
  const entries = list.namedChildren.filter((c): c is Node => !!c && c.type === 'string');
  const values = entries.map((e) => sortKey(stringLiteralValue(e) ?? ''));
  const sorted = values.every((v, i) => i === 0 || values[i - 1]! <= v);
  const quote = entries[0]?.text.startsWith("'") ? "'" : '"';
  const multiline = list.text.includes('\n');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const last = entries[entries.length - 1];
  const byPoint = new Map<number, string[]>();
  for (const name of sorted
    ? [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
    : names) {
    const before = sorted ? entries.find((_e, i) => values[i]! > sortKey(name)) : undefined;
    const literal = `${quote}${name}${quote}`;
    let at: number;
    let piece: string;
    if (before) {
      at = before.startIndex;
      piece = multiline ? `${literal},${eol}${indentOf(text, before.startIndex)}` : `${literal}, `;
    } else if (!last) {
      at = list.startIndex + 1;
      piece = literal;
    } else {
      const comma = /^\s*,/.exec(text.slice(last.endIndex, list.endIndex - 1));
      at = comma ? last.endIndex + comma[0].length : last.endIndex;
      const sep = comma ? '' : ',';
      piece = multiline
        ? `${sep}${eol}${indentOf(text, last.startIndex)}${literal}${comma ? ',' : ''}`
        : `${sep} ${literal}`;
    }
    byPoint.set(at, [...(byPoint.get(at) ?? []), piece]);
  }
  return [...byPoint].map(([at, pieces]) => Edit.insert(at, pieces.join('')));
}

export function planExport(
  project: PythonProject,
  init: string,
  target: string,
  targetModule: string,
  names: readonly string[],
): ExportPlan {
  const text = project.text(init) ?? '';
  const imports =
    init === target
      ? []
      : names.map((name) => ({ module: moduleSpec(project, init, targetModule), name }));
  const list = allList(project, init);
  if (!list) {
    return {
      imports,
      edits: [],
      infos: [`${init} has no literal \`__all__\`: the new names are imported, not listed`],
    };
  }
  const listed = new Set(list.namedChildren.map((c) => (c ? stringLiteralValue(c) : undefined)));
  const missing = names.filter((n) => !listed.has(n));
  return { imports, edits: missing.length ? allEdits(text, list, missing) : [], infos: [] };
}
