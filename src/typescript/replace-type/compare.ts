/**
 * Are two types the same? The type checker decides: each must be assignable to the
 * other. When they are not, say what differs — for unions, the members only one side
 * has (`'zh-HK'` only in the shared type), else both types as the checker prints them.
 */
import { ts } from 'ts-morph';

export type TypeComparison =
  | { readonly same: true }
  | { readonly same: false; readonly difference: string };

function members(t: ts.Type): ts.Type[] {
  return t.isUnion() ? t.types : [t];
}

/** `local` and `shared` are the declared types of the two declarations. */
export function compareTypes(
  checker: ts.TypeChecker,
  local: ts.Type,
  shared: ts.Type,
): TypeComparison {
  const toShared = checker.isTypeAssignableTo(local, shared);
  const toLocal = checker.isTypeAssignableTo(shared, local);
  if (toShared && toLocal) return { same: true };
  const print = (t: ts.Type) => checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation);
  const localMembers = members(local).map(print);
  const sharedMembers = members(shared).map(print);
  if (local.isUnion() || shared.isUnion()) {
    const onlyLocal = localMembers.filter((m) => !sharedMembers.includes(m));
    const onlyShared = sharedMembers.filter((m) => !localMembers.includes(m));
    const parts = [
      onlyLocal.length > 0 ? `only the local alias has ${onlyLocal.join(' | ')}` : '',
      onlyShared.length > 0 ? `only the shared type has ${onlyShared.join(' | ')}` : '',
    ].filter(Boolean);
    if (parts.length > 0) return { same: false, difference: parts.join('; ') };
  }
  const direction = !toShared
    ? 'the local alias is not assignable to the shared type'
    : 'the shared type is not assignable to the local alias';
  return {
    same: false,
    difference: `${direction}: local \`${print(local)}\`, shared \`${print(shared)}\``,
  };
}
