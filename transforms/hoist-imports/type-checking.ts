/**
 * Module-level `if TYPE_CHECKING:` copies of hoisted imports. Once an import is hoisted
 * it is a runtime import at module level, so the type-checking copy is redundant (and
 * would redefine the name, ruff F811): it is removed — its clause, its statement, or the
 * whole `if TYPE_CHECKING:` block when nothing else is left in it. Never the other way
 * round: a type-checking import does not make the runtime one unnecessary.
 */
import { Edit } from '../../src/core/edit.js';
import type { Node } from '../../src/python/parser.js';
import type { ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { Binding } from '../../src/python/project/scope-types.js';
import { definitionDeletionRange, removeImportBindings } from '../../src/python/removal.js';
import type { LocalImport } from './candidates.js';

/** The module-level `if TYPE_CHECKING:` statement whose body holds `statement` directly. */
function typeCheckingBlock(statement: Node): Node | undefined {
  const block = statement.parent;
  const ifNode = block?.parent;
  if (block?.type !== 'block' || ifNode?.type !== 'if_statement') return undefined;
  if (ifNode.parent?.type !== 'module') return undefined;
  if (ifNode.childForFieldName('consequence')?.id !== block.id) return undefined;
  if (ifNode.childrenForFieldName('alternative').length > 0) return undefined;
  const condition = ifNode.childForFieldName('condition')?.text ?? '';
  return /^(typing\.)?TYPE_CHECKING$/.test(condition.trim()) ? ifNode : undefined;
}

/** Module-level type-checking bindings that import exactly what a hoisted binding imports. */
function copiesOf(analysis: ModuleAnalysis, hoisted: readonly LocalImport[]): Binding[] {
  const out: Binding[] = [];
  for (const local of hoisted) {
    for (const b of local.bindings) {
      const copy = analysis
        .globalBindings(b.name)
        .find(
          (g) =>
            g.kind === 'import' &&
            g.import?.target === b.import?.target &&
            g.import?.statement.kind === b.import?.statement.kind &&
            typeCheckingBlock(g.statement) !== undefined,
        );
      if (copy && !out.includes(copy)) out.push(copy);
    }
  }
  return out;
}

export interface CopyRemovals {
  readonly edits: Edit[];
  /** Whether a whole `if TYPE_CHECKING:` block goes (its `TYPE_CHECKING` import may be unused). */
  readonly blockRemoved: boolean;
}

/** Edits removing the type-checking copies of the hoisted imports. */
export function typeCheckingCopyRemovals(
  text: string,
  analysis: ModuleAnalysis,
  hoisted: readonly LocalImport[],
): CopyRemovals {
  const copies = copiesOf(analysis, hoisted);
  const byBlock = new Map<number, { block: Node; copies: Binding[] }>();
  for (const copy of copies) {
    const block = typeCheckingBlock(copy.statement)!;
    const entry = byBlock.get(block.id) ?? { block, copies: [] };
    entry.copies.push(copy);
    byBlock.set(block.id, entry);
  }
  const edits: Edit[] = [];
  let blockRemoved = false;
  for (const { block, copies: inBlock } of byBlock.values()) {
    if (emptiedBy(block, inBlock)) {
      const range = definitionDeletionRange(text, block);
      edits.push(Edit.delete(range.start, range.end));
      blockRemoved = true;
    } else edits.push(...removeImportBindings(text, inBlock));
  }
  return { edits, blockRemoved };
}

/** Whether removing `copies` leaves nothing in the block but comments. */
function emptiedBy(block: Node, copies: readonly Binding[]): boolean {
  const body = block.childForFieldName('consequence')!;
  const statements = body.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return statements.every((s) => {
    const clauses = s.type === 'import_from_statement' || s.type === 'import_statement';
    if (!clauses) return false;
    const bound = copies.filter((c) => c.statement.id === s.id).length;
    return bound === s.childrenForFieldName('name').length;
  });
}
