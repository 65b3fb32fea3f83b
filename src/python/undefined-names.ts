/**
 * The undefined names of a module, as ruff's F821 reports them, with how each use reads
 * the name (`os.getenv(...)` reads attribute `getenv` of `os`): what a missing import
 * must bind, and the facts that tell candidate imports apart.
 */
import { LineIndex } from '../core/text.js';
import type { Node, Tree } from './parser.js';
import { ruffCheck } from './ruff.js';

export interface UndefinedName {
  readonly name: string;
  /** Every use: its offset, 1-based line, and the attribute read from it, if any. */
  readonly uses: readonly UndefinedUse[];
}

export interface UndefinedUse {
  readonly offset: number;
  readonly line: number;
  /** `getenv` for `os.getenv`; undefined when the name is not followed by `.attr`. */
  readonly attribute: string | undefined;
  /** The use is inside a string annotation (`"Foo"`). */
  readonly inString: boolean;
}

const NAME_IN_MESSAGE = /`([^`]+)`/;

function attributeRead(node: Node | null): string | undefined {
  const parent = node?.parent;
  if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.id !== node!.id)
    return undefined;
  return parent.childForFieldName('attribute')?.text;
}

/** The names F821 reports in `text`, grouped by name, in order of first use. */
export function undefinedNames(
  text: string,
  tree: Tree,
  ruffBase: Record<string, unknown> = {},
): UndefinedName[] {
  const lines = new LineIndex(text);
  const byName = new Map<string, UndefinedUse[]>();
  for (const d of ruffCheck(text, ['F821'], ruffBase)) {
    const name = NAME_IN_MESSAGE.exec(d.message)?.[1];
    if (!name) continue;
    const offset = lines.offsetAt(d.start_location.row, d.start_location.column - 1);
    const node = tree.rootNode.descendantForIndex(offset, offset + name.length);
    const exact = node?.type === 'identifier' && node.text === name ? node : null;
    const uses = byName.get(name) ?? [];
    uses.push({
      offset,
      line: d.start_location.row,
      attribute: attributeRead(exact),
      inString: exact === null,
    });
    byName.set(name, uses);
  }
  return [...byName].map(([name, uses]) => ({ name, uses }));
}
