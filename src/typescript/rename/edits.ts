/**
 * The text a rename writes at each kind of spot. `local` is the name the binding gets
 * in this file (the new name, or an alias when the new name is taken there);
 * `exported` is the name other modules see (the new name).
 */
import type { ts } from 'ts-morph';
import { Edit } from '../../core/edit.js';
import type { SiteKind } from './sites.js';

/** The edit at one spot. */
export function siteEdit(
  kind: SiteKind,
  id: ts.Identifier,
  local: string,
  exported: string,
  keyRenamed = false,
): Edit {
  const sf = id.getSourceFile();
  const at = (text: string) => Edit.replace(id.getStart(sf), id.end, text);
  const pair = (first: string, sep: string, second: string) =>
    at(first === second ? first : `${first}${sep}${second}`);
  switch (kind) {
    case 'declaration':
    case 'default-import':
    case 'reference':
      return at(local);
    case 'import-binding':
      return pair(exported, ' as ', local);
    case 'import-property': {
      const spec = id.parent as ts.ImportSpecifier;
      // `{ Foo as FooPage }` renamed to FooPage: just `{ FooPage }`.
      if (spec.name.text === exported) {
        return Edit.replace(id.getStart(sf), spec.name.end, exported);
      }
      return at(exported);
    }
    case 'export-name':
    case 'property':
      return at(exported);
    case 'export-local':
      return pair(local, ' as ', exported);
    case 'shorthand':
      // An object's key stays what it was, unless the key names the export (a mock factory).
      return pair(keyRenamed ? exported : id.text, ': ', local);
    case 'binding-element':
      return pair(exported, ': ', local);
  }
}
