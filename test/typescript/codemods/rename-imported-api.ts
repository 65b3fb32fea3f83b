/**
 * A jscodeshift transform of the kind people publish: rename an imported API.
 * `import { fetchUser } from 'legacy-api'` becomes `import { loadUser } from 'legacy-api'`
 * and every use of the local name follows (a shorthand `{ fetchUser }` keeps its key);
 * an aliased import (`fetchUser as get`) only changes the imported name.
 * Options: `{ module, from, to }`.
 */
import type { API, ASTPath, FileInfo, Identifier, Options } from 'jscodeshift';

export const parser = 'tsx';

export default function transformer(
  file: FileInfo,
  api: API,
  options: Options,
): string | undefined {
  const j = api.jscodeshift;
  const { module, from, to } = options as { module: string; from: string; to: string };
  const root = j(file.source);
  let renamed = 0;
  let renameUses = false;
  root.find(j.ImportDeclaration, { source: { value: module } }).forEach((decl) => {
    j(decl)
      .find(j.ImportSpecifier, { imported: { name: from } })
      .forEach((spec) => {
        const aliased = spec.node.local && spec.node.local.name !== from;
        spec.node.imported = j.identifier(to);
        if (!aliased) {
          spec.node.local = j.identifier(to);
          renameUses = true;
        }
        renamed++;
      });
  });
  if (renamed === 0) return undefined;
  if (renameUses) {
    root
      .find(j.Identifier, { name: from })
      .filter((p) => isReference(j, p, to))
      .forEach((p) => {
        p.node.name = to;
      });
  }
  api.stats('imports renamed', renamed);
  api.report(`${from} -> ${to} (${module})`);
  return root.toSource();
}

/** Whether the identifier refers to the binding (not a property name); fixes up shorthands. */
function isReference(j: API['jscodeshift'], p: ASTPath<Identifier>, to: string): boolean {
  const parent = p.parent.node;
  if (j.ImportSpecifier.check(parent)) return false;
  if (j.MemberExpression.check(parent) && parent.property === p.node && !parent.computed)
    return false;
  if (j.ObjectProperty.check(parent) || j.Property.check(parent)) {
    if (parent.shorthand) {
      parent.shorthand = false;
      parent.value = j.identifier(to);
      return false;
    }
    return parent.value === p.node;
  }
  return true;
}
