/**
 * Every reference to the definitions being removed, from anywhere in the project,
 * except from inside the removed code itself: names (also through imports), import
 * clauses, `module.attr`, `__all__` entries, dotted and `patch.object` strings, star
 * imports and strings that may be dynamic lookups. Each comes as `file:line: what`.
 */

import { lineOf } from '../../src/python/nodes.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { findSymbolUses, type SymbolUses } from '../../src/python/project/references.js';
import { insideAny, type Range } from '../../src/python/removal.js';

export interface Reference {
  readonly path: string;
  readonly line: number;
  readonly what: string;
}

function stringUse(kind: 'dotted' | 'attribute-name' | 'all', text: string): string {
  if (kind === 'all') return `listed in \`__all__\` (${text})`;
  if (kind === 'attribute-name')
    return `named as an attribute string ${text} (patch.object / getattr)`;
  return `named in the string ${text} (a patch target or dotted path)`;
}

function describe(uses: SymbolUses, path: string, removed: readonly Range[]): Reference[] {
  const name = uses.target.name;
  const outside = (file: string, offset: number) => file !== path || !insideAny(offset, removed);
  const out: Reference[] = [];
  for (const u of uses.names) {
    if (!outside(u.path, u.reference.start)) continue;
    out.push({
      path: u.path,
      line: lineOf(u.reference.node),
      what: `uses \`${u.reference.name}\``,
    });
  }
  for (const u of uses.imports) {
    if (!outside(u.path, u.nameNode.startIndex)) continue;
    out.push({ path: u.path, line: lineOf(u.nameNode), what: `imports \`${name}\`` });
  }
  for (const u of uses.attributes) {
    out.push({ path: u.path, line: lineOf(u.node), what: `reads \`${u.module}.${u.name}\`` });
  }
  for (const u of uses.strings) {
    if (!outside(u.path, u.start)) continue;
    out.push({ path: u.path, line: lineOf(u.node), what: stringUse(u.kind, u.node.text) });
  }
  for (const u of uses.starImports) {
    out.push({
      path: u.path,
      line: lineOf(u.binding.node),
      what: `gets \`${name}\` through \`import *\``,
    });
  }
  for (const u of uses.dynamic) {
    if (!outside(u.path, u.node.startIndex)) continue;
    out.push({ path: u.path, line: u.line, what: `may look \`${name}\` up dynamically: ${u.why}` });
  }
  return out;
}

/** References to `names` of `path` that live outside the `removed` ranges. */
export function referencesOutside(
  project: PythonProject,
  path: string,
  names: readonly string[],
  removed: readonly Range[],
): Reference[] {
  const refs = names.flatMap((name) =>
    describe(findSymbolUses(project, { path, name }), path, removed),
  );
  const seen = new Set<string>();
  return refs
    .filter((r) => {
      const key = `${r.path}:${r.line}:${r.what}`;
      return !seen.has(key) && !!seen.add(key);
    })
    .sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
}
