/**
 * Who reaches a module of the project, for deleting it: import statements (absolute,
 * relative, `from pkg import mod`, `from pkg import *` when the package exports it,
 * `__init__` re-exports), strings naming it as a module (`importlib.import_module("pkg.mod")`,
 * `mock.patch("pkg.mod.name")`, `"pkg.mod:app"`) and strings naming its file
 * (`runpy.run_path("scripts/mod.py")`). Each comes as `file:line: what`.
 */
import { describeImport } from '../imports.js';
import { lineOf, stringLiteralValue } from '../nodes.js';
import type { Node } from '../parser.js';
import type { PythonProject } from './project.js';
import { DOTTED, isDocstring } from './string-uses.js';

export interface ModuleImporter {
  readonly path: string;
  /** 1-based line. */
  readonly line: number;
  readonly what: string;
}

/** Calls whose string argument is a module name even when it is a bare word. */
const MODULE_CALLS =
  /(?:^|\.)(?:import_module|__import__|find_spec|import_string|run_module|reload|patch)$/;

/** Whether the dotted name `dotted` is `module` or something inside it. */
function reaches(dotted: string, module: string): boolean {
  return dotted === module || dotted.startsWith(`${module}.`);
}

/**
 * Everything outside `path` (and outside `ignored` files, deleted with it) that
 * imports or names the module of `path`.
 */
export function findModuleImporters(
  project: PythonProject,
  path: string,
  ignored: ReadonlySet<string> = new Set(),
): ModuleImporter[] {
  const module = project.moduleName(path);
  const stem = path
    .split('/')
    .pop()!
    .replace(/\.pyi?$/, '');
  const out: ModuleImporter[] = [];
  for (const file of project.files) {
    if (file === path || ignored.has(file)) continue;
    const text = project.text(file) ?? '';
    if (!text.includes(stem) && !text.includes('import *')) continue;
    const root = project.analysis(file)?.tree.rootNode;
    if (!root) continue;
    if (module) out.push(...importsOf(project, file, root, module));
    out.push(...stringsNaming(file, root, path, module));
  }
  return out;
}

function importsOf(
  project: PythonProject,
  file: string,
  root: Node,
  module: string,
): ModuleImporter[] {
  const out: ModuleImporter[] = [];
  const at = (node: Node, what: string) => out.push({ path: file, line: lineOf(node), what });
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    const stmt = describeImport(node);
    if (stmt.kind === 'import') {
      const hit = stmt.names.find((n) => reaches(n.name, module));
      if (hit) at(node, `imports \`${hit.name}\``);
      continue;
    }
    const base = project.modules.resolveRelative(file, stmt.level, stmt.module);
    if (base === undefined) continue;
    const written = '.'.repeat(stmt.level) + stmt.module;
    const resolved = stmt.level > 0 ? ` (${base})` : '';
    if (reaches(base, module)) at(node, `imports from \`${written}\`${resolved}`);
    else if (stmt.names.some((n) => reaches(`${base}.${n.name}`, module)))
      at(node, `imports \`${module}\` from \`${written}\``);
    else if (stmt.wildcard && starExposes(project, base, module))
      at(node, `gets \`${module}\` through \`from ${written} import *\``);
  }
  return out;
}

/** `from base import *` binds the submodule `module` when `base` lists it in `__all__`. */
function starExposes(project: PythonProject, base: string, module: string): boolean {
  const last = module.slice(base.length + 1);
  return (
    module.startsWith(`${base}.`) && !last.includes('.') && project.exports(base).includes(last)
  );
}

function stringsNaming(
  file: string,
  root: Node,
  path: string,
  module: string | undefined,
): ModuleImporter[] {
  const out: ModuleImporter[] = [];
  for (const node of root.descendantsOfType('string')) {
    if (!node || isDocstring(node)) continue;
    const value = stringLiteralValue(node);
    if (value === undefined) continue;
    const what = stringUse(node, value, path, module);
    if (what) out.push({ path: file, line: lineOf(node), what });
  }
  return out;
}

/** Why the string names the module or its file, or undefined. */
function stringUse(
  node: Node,
  value: string,
  path: string,
  module: string | undefined,
): string | undefined {
  const asPath = value.replace(/^\.\//, '');
  if (asPath !== '' && (path === asPath || path.endsWith(`/${asPath}`)))
    return `names its file in the string ${node.text}`;
  if (!module || !DOTTED.test(value)) return undefined;
  const dotted = value.split(':')[0]!;
  if (!reaches(dotted, module)) return undefined;
  if (value !== module)
    return `names it in the string ${node.text} (a patch target or dotted path)`;
  const callee = callOf(node);
  if (callee && MODULE_CALLS.test(callee)) return `names it in \`${callee}(${node.text})\``;
  if (
    node.parent?.type === 'subscript' &&
    /(?:^|\.)modules$/.test(node.parent.childForFieldName('value')?.text ?? '')
  )
    return `looks it up in \`${node.parent.text}\``;
  return undefined;
}

/** The function a string is passed to (`importlib.import_module`), if it is an argument. */
function callOf(node: Node): string | undefined {
  if (node.parent?.type !== 'argument_list') return undefined;
  return node.parent.parent?.childForFieldName('function')?.text.replace(/\s+/g, '');
}
