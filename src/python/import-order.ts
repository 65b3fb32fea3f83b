/**
 * isort-style ordering facts (ruff's defaults) shared by everything that places imports:
 * the module's import block, an import's section (future, stdlib, third-party,
 * first-party), and the sort keys of statements and of imported names.
 */
import { describeImport, type ImportStatement } from './imports.js';
import type { Tree } from './parser.js';
import { isStdlibModule } from './stdlib.js';

/** 0 future, 1 stdlib, 2 third-party, 3 first-party (relative or a known local package). */
export type ImportSection = 0 | 1 | 2 | 3;

/** The section of a module spec (`json`, `app.db`, `..utils`). */
export function importSection(spec: string, firstParty: ReadonlySet<string>): ImportSection {
  if (spec === '__future__') return 0;
  if (spec.startsWith('.') || firstParty.has(spec.split('.')[0]!)) return 3;
  return isStdlibModule(spec) ? 1 : 2;
}

/** The module a statement reads: `..pkg.mod` for `from`, the first name for `import`. */
export function importSpec(stmt: ImportStatement): string {
  return stmt.kind === 'from' ? '.'.repeat(stmt.level) + stmt.module : (stmt.names[0]?.name ?? '');
}

/** Sort key of a statement within its section: `import x` first, then `from x import`. */
export function statementSortKey(kind: 'import' | 'from', spec: string): string {
  return `${kind === 'import' ? 0 : 1}${spec.toLowerCase()}`;
}

/** isort's order-by-type for imported names (`X as y` sorts by X): CONSTANTS, Classes, the rest. */
export function memberSortKey(clauseText: string): string {
  const name = clauseText.split(/\s+as\s+/)[0]!;
  const kind = name.length > 1 && name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return `${kind}${name.toLowerCase()}`;
}

const DEFINITIONS = ['function_definition', 'class_definition', 'decorated_definition'];
const IMPORTS = ['import_statement', 'import_from_statement', 'future_import_statement'];

/** Top-level imports before the first definition: the module's import block. */
export function leadingImports(tree: Tree): ImportStatement[] {
  const out: ImportStatement[] = [];
  for (const node of tree.rootNode.namedChildren) {
    if (!node) continue;
    if (DEFINITIONS.includes(node.type)) break;
    if (IMPORTS.includes(node.type)) out.push(describeImport(node));
  }
  return out;
}
