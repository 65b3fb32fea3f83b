/**
 * A planned rename as edits per file: the definition, renamed import clauses (`new`, or
 * `new as alias` where a resolution aliases it), the names read through renamed or
 * aliased bindings, `module.attr` uses, strings, and the locals renamed out of the way.
 */
import { Edit } from '../../../core/edit.js';
import type { PythonProject } from '../project.js';
import type { SymbolUses } from '../references.js';
import type { Binding } from '../scope-types.js';
import type { Propagation } from './propagation.js';
import type { LocalRename } from './resolve.js';

export interface EditInput {
  readonly project: PythonProject;
  readonly uses: SymbolUses;
  readonly propagation: Propagation;
  readonly to: string;
  /** Import bindings that import the new name under an alias -> the alias. */
  readonly aliases: ReadonlyMap<Binding, string>;
  readonly locals: Iterable<LocalRename>;
}

class EditMap {
  readonly byFile = new Map<string, Edit[]>();

  push(path: string, edit: Edit): void {
    const list = this.byFile.get(path) ?? [];
    if (!list.some((e) => e.start === edit.start && e.end === edit.end && e.text === edit.text))
      list.push(edit);
    this.byFile.set(path, list);
  }
}

/** The new text of a module attribute `name` of `module`, if the rename changes it. */
function attributeText(p: Propagation, module: string, name: string, old: string, to: string) {
  if (p.renamedNames.get(module)?.has(name)) return to;
  return name === old ? p.aliasedNames.get(module) : undefined;
}

function clauseEdits(out: EditMap, x: EditInput): void {
  for (const use of x.propagation.renamedClauses) {
    const clause = use.binding.import!.clause!;
    const alias = use.aliased ? undefined : x.aliases.get(use.binding);
    if (alias !== undefined) {
      const separate = use.binding.node.startIndex !== use.nameNode.startIndex;
      out.push(use.path, Edit.replaceNode(use.nameNode, separate ? x.to : `${x.to} as ${alias}`));
      if (separate) out.push(use.path, Edit.replaceNode(use.binding.node, alias));
      continue;
    }
    out.push(use.path, Edit.replaceNode(use.nameNode, x.to));
    if (clause.alias === clause.name) out.push(use.path, Edit.replaceNode(use.binding.node, x.to));
  }
}

function nameEdits(out: EditMap, x: EditInput): void {
  const { project, propagation, to } = x;
  const from = x.uses.target.name;
  for (const use of x.uses.names) {
    const via = use.binding;
    const source = via.kind === 'star-import' ? project.importTarget(use.path, via) : undefined;
    const alias = x.aliases.get(via);
    const renamed =
      propagation.renamedBindings.has(via) ||
      (!!source &&
        use.reference.name === from &&
        !!propagation.renamedNames.get(source)?.has(from));
    const text = renamed ? to : alias;
    if (text !== undefined && text !== use.reference.name)
      out.push(use.path, Edit.replace(use.reference.start, use.reference.end, text));
  }
}

function localEdits(out: EditMap, locals: Iterable<LocalRename>): void {
  for (const local of locals) {
    for (const b of local.bindings) out.push(local.path, Edit.replaceNode(b.node, local.newName));
    for (const r of local.references)
      out.push(local.path, Edit.replace(r.start, r.end, local.newName));
  }
}

/** Every edit of one rename, per file. */
export function renameEdits(x: EditInput): Map<string, Edit[]> {
  const out = new EditMap();
  const { propagation: p, to, uses } = x;
  const from = uses.target.name;
  for (const def of uses.definitions) out.push(uses.target.path, Edit.replaceNode(def.node, to));
  clauseEdits(out, x);
  nameEdits(out, x);
  for (const use of uses.attributes) {
    const text = attributeText(p, use.module, use.name, from, to);
    if (text !== undefined) out.push(use.path, Edit.replaceNode(use.node, text));
  }
  for (const use of uses.strings) {
    const text = attributeText(p, use.module, use.name, from, to);
    if (text !== undefined) out.push(use.path, Edit.replace(use.start, use.end, text));
  }
  localEdits(out, x.locals);
  return out.byFile;
}
