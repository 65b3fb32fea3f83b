/**
 * Environment reads to settings: in the named files, `os.getenv("REDIS_URL", "...")`,
 * `os.environ.get(...)` and `os.environ["..."]` — with a conversion such as `int(...)`
 * when it matches the field's type — become `settings.<field>`. The variable names a
 * field when it is the field's environment name (`TASKIQ_RESULT_TTL` for `result_ttl`
 * under the prefix `TASKIQ_`) or the field's name in capitals (`REDIS_URL`: the variable
 * the code reads is then renamed, and a note says so, as does a changed default).
 * Module-level reads use one module-level instance; reads inside functions instantiate
 * the class there, so they still read the environment when called.
 */
import { Edit } from '../../src/core/edit.js';
import type { PlanBuilder } from '../../src/python/change-plan.js';
import { stringLiteralValue } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { SettingsClass } from './settings-class.js';

export interface EnvField {
  readonly name: string;
  readonly annotation: string;
  readonly defaultText: string | undefined;
}

interface EnvRead {
  /** The expression to replace (the read, or its conversion). */
  readonly node: Node;
  readonly variable: string;
  /** The read's default's text, if it has one. */
  readonly fallback: string | undefined;
}

const READERS = new Set(['os.getenv', 'os.environ.get', 'getenv', 'environ.get']);
const CONVERSIONS = new Set(['int', 'float', 'bool', 'str']);

function envRead(node: Node): Omit<EnvRead, 'node'> | undefined {
  if (node.type === 'call' && READERS.has(node.childForFieldName('function')?.text ?? '')) {
    const args =
      node.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => !!a) ?? [];
    const variable = args[0] ? stringLiteralValue(args[0]) : undefined;
    return variable === undefined ? undefined : { variable, fallback: args[1]?.text };
  }
  if (
    node.type === 'subscript' &&
    /^(?:os\.)?environ$/.test(node.childForFieldName('value')?.text ?? '')
  ) {
    const key = node.childForFieldName('subscript');
    const variable = key ? stringLiteralValue(key) : undefined;
    return variable === undefined ? undefined : { variable, fallback: undefined };
  }
  return undefined;
}

function readsIn(root: Node): EnvRead[] {
  const out: EnvRead[] = [];
  for (const node of root.descendantsOfType(['call', 'subscript'])) {
    if (!node) continue;
    const read = envRead(node);
    if (!read) continue;
    const parent = node.parent?.parent;
    const wrapper =
      parent?.type === 'call' && parent.childForFieldName('arguments')?.namedChildCount === 1
        ? parent
        : undefined;
    const conversion = wrapper?.childForFieldName('function')?.text ?? '';
    out.push({ ...read, node: CONVERSIONS.has(conversion) ? wrapper! : node });
  }
  return out;
}

function fieldFor(
  read: EnvRead,
  fields: readonly EnvField[],
  prefix: string,
): { field: EnvField; renamed: boolean } | undefined {
  const variable = read.variable.toUpperCase();
  for (const field of fields) {
    if (`${prefix}${field.name}`.toUpperCase() === variable) return { field, renamed: false };
  }
  for (const field of fields) {
    if (field.name.toUpperCase() === variable && prefix) return { field, renamed: true };
  }
  return undefined;
}

function inFunction(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'function_definition' || p.type === 'lambda') return true;
  return false;
}

function topStatement(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type !== 'module') n = n.parent;
  return n;
}

/** The instance's name: `settings`, unless the module binds that already. */
function instanceName(project: PythonProject, path: string, cls: SettingsClass): string {
  const bound = new Set(project.analysis(path)?.globalNames() ?? []);
  if (!bound.has('settings')) return 'settings';
  const snake = cls.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return bound.has(snake) ? `${snake}_instance` : snake;
}

function noteRead(
  plan: PlanBuilder,
  cls: SettingsClass,
  read: EnvRead,
  field: EnvField,
  renamed: boolean,
  where: { file: string; line: number },
): void {
  if (renamed) {
    plan.warn(
      'settings/variable-renamed',
      `\`${read.variable}\` is now read as \`${cls.envPrefix}${field.name.toUpperCase()}\` (the prefix of \`${cls.name}\`)`,
      where,
    );
  }
  if (
    read.fallback !== undefined &&
    field.defaultText !== undefined &&
    !sameDefault(read.fallback, field.defaultText)
  ) {
    plan.warn(
      'settings/default-changes',
      `the default of \`${read.variable}\` changes from ${read.fallback} to ${field.defaultText}, as the finding states`,
      where,
    );
  }
}

function sameDefault(fallback: string, fieldDefault: string): boolean {
  const unquote = (t: string) => t.replace(/^["']|["']$/g, '');
  return unquote(fallback) === unquote(fieldDefault);
}

/** Plan the reads of one file. */
export function planEnvReads(
  project: PythonProject,
  cls: SettingsClass,
  fields: readonly EnvField[],
  path: string,
  plan: PlanBuilder,
): void {
  const tree = project.source.tree(path);
  const text = project.text(path);
  if (!tree || text === undefined) {
    plan.undone(
      'settings/no-file',
      `${path} does not exist or does not parse; its environment reads are left`,
      { file: path },
    );
    return;
  }
  const instance = instanceName(project, path, cls);
  let firstModuleLevel: Node | undefined;
  let rewritten = 0;
  for (const read of readsIn(tree.rootNode)) {
    const where = { file: path, line: read.node.startPosition.row + 1 };
    const match = fieldFor(read, fields, cls.envPrefix);
    if (!match) {
      plan.undone(
        'settings/unmatched-read',
        `\`${read.variable}\` (${path}:${where.line}) is not a field of \`${cls.name}\`; left as it is`,
        where,
      );
      continue;
    }
    const local = inFunction(read.node);
    const value = local ? `${cls.name}().${match.field.name}` : `${instance}.${match.field.name}`;
    plan.edit(path, Edit.replace(read.node.startIndex, read.node.endIndex, value));
    if (!local) firstModuleLevel ??= topStatement(read.node);
    noteRead(plan, cls, read, match.field, match.renamed, where);
    rewritten++;
  }
  if (rewritten === 0) return;
  if (firstModuleLevel) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    plan.edit(path, beforeStatement(text, firstModuleLevel, `${instance} = ${cls.name}()`, eol));
  }
  if (path !== cls.path && cls.module) plan.addImport(path, { module: cls.module, name: cls.name });
  plan.dropImportIfUnused(path, { module: 'os' });
  plan.info(
    'settings/env-reads',
    `${path}: ${rewritten} environment read(s) now read \`${cls.name}\``,
    { file: path },
  );
}

function beforeStatement(text: string, statement: Node, line: string, eol: string): Edit {
  const start = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  return Edit.insert(start, `${line}${eol}${eol}`);
}
