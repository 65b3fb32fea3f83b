/**
 * Wire settings fields into the keyword arguments of named calls: in
 * `get_engine()`, `create_async_engine(url, pool_size=20)` becomes
 * `pool_size=settings.async_pool_size` when a `DatabaseSettings` instance is in scope. A
 * field `<q>_<kwarg>` goes to the calls whose name or enclosing function has the word
 * `q` (`async` in `create_async_engine`, `sync` in `get_sync_engine`); a field without
 * such a prefix goes to every call (appended when the call lacks it). A call with no
 * instance of the class in scope (another class's `settings`) is left, with a note.
 */
import { Edit } from '../../src/core/edit.js';
import type { PlanBuilder } from '../../src/python/change-plan.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { SettingsClass } from './settings-class.js';

export interface WiredField {
  readonly name: string;
  /** The default's text, when the finding gives one. */
  readonly defaultText: string | undefined;
}

interface CallSite {
  readonly path: string;
  readonly call: Node;
  readonly scope: Node;
  readonly words: ReadonlySet<string>;
}

function calleeName(call: Node): string {
  const fn = call.childForFieldName('function');
  return (fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text) ?? '';
}

function enclosingFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
}

function callSites(project: PythonProject, names: readonly string[]): CallSite[] {
  const out: CallSite[] = [];
  for (const path of project.filesMentioning(names)) {
    const tree = project.source.tree(path);
    for (const call of tree?.rootNode.descendantsOfType('call') ?? []) {
      if (!call || !names.includes(calleeName(call))) continue;
      const fn = enclosingFunction(call);
      const fnName = fn?.childForFieldName('name')?.text ?? '';
      const words = new Set([...calleeName(call).split('_'), ...fnName.split('_')].filter(Boolean));
      out.push({ path, call, scope: fn ?? tree!.rootNode, words });
    }
  }
  return out;
}

/** The name bound to an instance of the class in scope: `settings = DatabaseSettings()`. */
function instanceIn(site: CallSite, className: string): string | undefined {
  const scopes =
    site.scope.type === 'module' ? [site.scope] : [site.scope, site.scope.tree.rootNode];
  for (const scope of scopes) {
    for (const a of scope.descendantsOfType('assignment')) {
      if (!a || a.startIndex > site.call.startIndex) continue;
      if (scope.type === 'module' && enclosingFunction(a)) continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (
        left?.type === 'identifier' &&
        right?.type === 'call' &&
        right.childForFieldName('function')?.text === className
      ) {
        return left.text;
      }
    }
  }
  return undefined;
}

function keywordArguments(call: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument') out.set(arg.childForFieldName('name')?.text ?? '', arg);
  }
  return out;
}

/** The keyword a field feeds at a site, or undefined when the field is for other calls. */
function keywordFor(
  field: string,
  site: CallSite,
  qualifiers: ReadonlySet<string>,
): string | undefined {
  const [first, ...rest] = field.split('_');
  if (qualifiers.has(first!) && rest.length > 0)
    return site.words.has(first!) ? rest.join('_') : undefined;
  return field;
}

/** Append `kw=value` arguments to a call, one per line when its arguments are. */
function appendKeywords(text: string, call: Node, added: readonly string[]): Edit {
  const args = call.childForFieldName('arguments')!;
  const list = args.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  const last = list[list.length - 1];
  if (!last) return Edit.insert(args.startIndex + 1, added.join(', '));
  const tail = text.slice(last.endIndex, args.endIndex - 1);
  if (!tail.includes('\n')) return Edit.insert(last.endIndex, `, ${added.join(', ')}`);
  const lineStart = text.lastIndexOf('\n', last.startIndex - 1) + 1;
  const indent = text.slice(lineStart, last.startIndex);
  const lines = added.map((a) => `${indent}${a},`).join('\n');
  if (tail.trimStart().startsWith(',')) {
    return Edit.insert(text.indexOf('\n', last.endIndex) + 1, `${lines}\n`);
  }
  return Edit.insert(last.endIndex, `,\n${lines}`);
}

interface Wiring {
  readonly fields: readonly WiredField[];
  readonly qualifiers: ReadonlySet<string>;
  /** Field -> the literal it replaced. */
  readonly replaced: Map<string, string>;
  readonly wired: Set<string>;
}

/** Wire the fields into one call that has `instance` in scope. */
function wireCall(
  project: PythonProject,
  site: CallSite,
  instance: string,
  wiring: Wiring,
  plan: PlanBuilder,
): void {
  const where = { file: site.path, line: site.call.startPosition.row + 1 };
  const keywords = keywordArguments(site.call);
  const appended: string[] = [];
  for (const field of wiring.fields) {
    const keyword = keywordFor(field.name, site, wiring.qualifiers);
    if (!keyword) continue;
    wiring.wired.add(field.name);
    const value = `${instance}.${field.name}`;
    const old = keywords.get(keyword)?.childForFieldName('value');
    if (old?.text === value) continue;
    if (!old) {
      appended.push(`${keyword}=${value}`);
      continue;
    }
    wiring.replaced.set(field.name, old.text);
    plan.edit(site.path, Edit.replace(old.startIndex, old.endIndex, value));
    noteDefault(plan, field, keyword, old.text, where);
  }
  if (appended.length > 0)
    plan.edit(site.path, appendKeywords(project.text(site.path)!, site.call, appended));
  plan.info(
    'settings/wired',
    `\`${calleeName(site.call)}(...)\` at ${site.path}:${where.line} reads its options from \`${instance}\``,
    where,
  );
}

/**
 * Plan the keyword wiring; returns the literal each field replaced (for fields the
 * finding gives no default: the default is that literal, so behaviour stays).
 */
export function planKeywordWiring(
  project: PythonProject,
  cls: SettingsClass,
  fields: readonly WiredField[],
  names: readonly string[],
  plan: PlanBuilder,
): Map<string, string> {
  const sites = callSites(project, names);
  const words = sites.flatMap((s) => [...s.words]);
  const qualifiers = new Set(words.filter((w) => fields.some((f) => f.name.startsWith(`${w}_`))));
  const wiring: Wiring = { fields, qualifiers, replaced: new Map(), wired: new Set() };
  for (const site of sites) {
    const instance = instanceIn(site, cls.name);
    if (instance) wireCall(project, site, instance, wiring, plan);
    else {
      const where = { file: site.path, line: site.call.startPosition.row + 1 };
      const message = `\`${calleeName(site.call)}(...)\` at ${site.path}:${where.line} has no \`${cls.name}\` instance in scope; left as it is`;
      plan.info('settings/call-skipped', message, where);
    }
  }
  for (const f of fields.filter((f) => !wiring.wired.has(f.name))) {
    const message = `no call of ${names.join(', ')} with a \`${cls.name}\` in scope takes \`${f.name}\``;
    plan.undone('settings/field-not-wired', message, { file: cls.path });
  }
  return wiring.replaced;
}

function noteDefault(
  plan: PlanBuilder,
  field: WiredField,
  keyword: string,
  literal: string,
  where: { file: string; line: number },
): void {
  if (field.defaultText === undefined || field.defaultText === literal) return;
  plan.warn(
    'settings/default-changes',
    `\`${keyword}\` changes from ${literal} to the default of \`${field.name}\`, ${field.defaultText}, as the finding states`,
    where,
  );
}
