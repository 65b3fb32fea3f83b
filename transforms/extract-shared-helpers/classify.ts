/**
 * Decide, per helper, which copies share one definition: copies with equal keys are
 * identical; the canonical class is the target's own copy if it has one, else the
 * largest class (ties: the first source listed). A class that differs from the
 * canonical one by exactly one `if` block (without `elif`/`else`) is merged when the
 * options name a parameter; every other class is divergent and stays where it is.
 */
import type { Node } from '../../src/python/parser.js';
import { guardedBlocks } from '../../src/python/structure.js';
import { type Copy, copyKey, type GroupCopies } from './copies.js';
import type { DependencyResolver } from './dependencies.js';
import type { HelperGroup } from './options.js';
import { nameTaken } from './parameter.js';

/** Two behaviours selected by a boolean parameter: `True` runs `block`. */
export interface GuardedMerge {
  readonly parameter: string;
  /** The copy whose text (with the block) becomes the shared definition. */
  readonly base: Copy;
  /** The `if` statement, in `base`. */
  readonly block: Node;
  /** The parameter's default: the behaviour of the majority (or of the target's copy). */
  readonly defaultValue: boolean;
  /** Copies whose behaviour is not the default: their calls pass the parameter. */
  readonly passing: readonly Copy[];
}

export interface Divergence {
  readonly copy: Copy;
  readonly against: Copy;
}

export interface GroupPlan {
  readonly group: HelperGroup;
  /** The copy whose text becomes the shared definition (when there is no merge). */
  readonly canonical: Copy;
  /** Every copy that the shared definition replaces or is (canonical included). */
  readonly shared: readonly Copy[];
  readonly merge: GuardedMerge | undefined;
  readonly divergent: readonly Divergence[];
}

function classesOf(resolver: DependencyResolver, copies: readonly Copy[]): Copy[][] {
  const byKey = new Map<string, Copy[]>();
  for (const copy of copies) {
    const key = copyKey(resolver, copy);
    byKey.set(key, [...(byKey.get(key) ?? []), copy]);
  }
  return [...byKey.values()];
}

function canonicalClass(classes: Copy[][], target: string): Copy[] {
  const inTarget = classes.find((c) => c.some((copy) => copy.path === target));
  if (inTarget) return inTarget;
  // Stable sort keeps the order of the sources for equal sizes.
  return [...classes].sort((a, b) => b.length - a.length)[0]!;
}

/** The `if` block of `withBlock` whose removal makes it equal to `without`, if any. */
function extraBlock(
  resolver: DependencyResolver,
  withBlock: Copy,
  without: Copy,
): Node | undefined {
  const wanted = copyKey(resolver, without);
  return guardedBlocks(withBlock.statement).find(
    (block) => copyKey(resolver, withBlock, block) === wanted,
  );
}

function guardedMerge(
  resolver: DependencyResolver,
  parameter: string,
  canonical: Copy[],
  other: Copy[],
  target: string,
): GuardedMerge | undefined {
  const c = canonical[0]!;
  const d = other[0]!;
  const inC = extraBlock(resolver, c, d);
  const inD = inC ? undefined : extraBlock(resolver, d, c);
  const block = inC ?? inD;
  if (!block) return undefined;
  const [withBlock, without] = inC ? [canonical, other] : [other, canonical];
  // A parameter name the function already uses cannot select the behaviour.
  if (nameTaken(withBlock[0]!.definition, parameter)) return undefined;
  const targetOwned = canonical.some((copy) => copy.path === target);
  // The target's copy keeps its behaviour; else the majority's, and on a tie the canonical's.
  const tie = targetOwned || withBlock.length === without.length;
  const defaultValue = tie ? withBlock === canonical : withBlock.length > without.length;
  const passing = defaultValue ? without : withBlock;
  return { parameter, base: withBlock[0]!, block, defaultValue, passing };
}

export function classify(
  resolver: DependencyResolver,
  found: GroupCopies,
  target: string,
): GroupPlan | undefined {
  if (found.copies.length === 0) return undefined;
  const classes = classesOf(resolver, found.copies);
  const canonical = canonicalClass(classes, target);
  const shared = [...canonical];
  const divergent: Divergence[] = [];
  let merge: GuardedMerge | undefined;
  for (const other of classes) {
    if (other === canonical) continue;
    const parameter = found.group.parameter;
    const merged =
      parameter && !merge ? guardedMerge(resolver, parameter, canonical, other, target) : undefined;
    if (merged) {
      merge = merged;
      shared.push(...other);
      continue;
    }
    for (const copy of other) divergent.push({ copy, against: canonical[0]! });
  }
  return { group: found.group, canonical: canonical[0]!, shared, merge, divergent };
}
