/**
 * When the semantic guard has nothing to find, proven from facts rather than by running
 * the checker (ruff costs ~0.3 s of start-up per thread). The guard reports problems a
 * rewrite introduces: an undefined name (F821), a redefinition of an unused name (F811),
 * a local used before assignment (F823), a new unused import (F401). Each needs a new
 * reference, a moved or removed binding, or a reference removed from a name that is
 * still bound. So the guard is skipped for a file only when all of these hold:
 *
 * 1. every applied fix says, as a fact its transform proves by construction
 *    (`Fix.onlyRemovesReferencesTo`), that it adds no reference, binds and unbinds
 *    nothing, and only removes references to the names it lists;
 * 2. no import was added (an added import binds a name);
 * 3. each listed name is either gone from the rewritten text, not even a word in a
 *    comment or string left (every binding of it, its import removed by the import
 *    resolver only when no identifier and no string uses the name, is gone with its
 *    references: no reference to it remains, no redefinition of it can be unused, no
 *    import of it left unused), or settled by the language adapter's reading of the
 *    rewritten tree (`isNameSettled`: gone from the code, comments and docstrings aside;
 *    or bound exactly once, by a module-level import, and only read elsewhere: one
 *    binding cannot be redefined or read early, and a read left keeps the import used);
 * 4. the file existed before (a created file is all new references).
 *
 * Anything else — a fix without the fact, a name still present — runs the guard.
 */
import type { Fix } from '../core/fix.js';
import type { ImportRequests } from './context.js';

export interface GuardProofInput {
  readonly applied: readonly Fix[];
  readonly imports: ImportRequests;
  /** The rewritten text, after import edits. */
  readonly after: string;
  readonly created: boolean;
  /** The adapter's `isNameSettled` on the rewritten tree, when it has one. */
  readonly isNameSettled?: (name: string) => boolean;
}

/** Whether the guard provably has nothing to find in this rewrite (see the module comment). */
export function guardProvenNeedless(input: GuardProofInput): boolean {
  if (input.created || input.applied.length === 0 || input.imports.add.length > 0) return false;
  const removed = new Set<string>();
  for (const fix of input.applied) {
    if (!fix.onlyRemovesReferencesTo) return false;
    for (const name of fix.onlyRemovesReferencesTo) removed.add(name);
  }
  const settled = (name: string) =>
    !containsWord(input.after, name) || input.isNameSettled?.(name) === true;
  return [...removed].every(settled);
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;

/** Whether `name` occurs in `text` with no identifier character just before or after it. */
export function containsWord(text: string, name: string): boolean {
  if (name === '') return false;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = i > 0 ? text[i - 1]! : '';
    const after = text[i + name.length] ?? '';
    if (!IDENTIFIER_CHAR.test(before) && !IDENTIFIER_CHAR.test(after)) return true;
  }
  return false;
}
