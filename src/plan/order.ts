/**
 * The order findings run in: the document's order (a phase's list), moved only as
 * far as dependencies require (a stable topological sort). Cycles are errors.
 */
import { InputError } from '../core/errors.js';
import type { Finding } from '../findings/types.js';

/**
 * Sort `ids` so that every finding comes after those it depends on that are also in
 * `ids`; otherwise keep the given order.
 */
export function dependencyOrder(
  ids: readonly string[],
  byId: ReadonlyMap<string, Finding>,
): string[] {
  const selected = new Set(ids);
  const position = new Map(ids.map((id, i) => [id, i]));
  const pending = new Map<string, Set<string>>();
  for (const id of ids) {
    const deps = (byId.get(id)?.dependsOn ?? []).filter((d) => selected.has(d) && d !== id);
    pending.set(id, new Set(deps));
  }
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending.entries()].filter(([, deps]) => deps.size === 0).map(([id]) => id);
    if (ready.length === 0) {
      const cycle = [...pending.keys()].sort((a, b) => position.get(a)! - position.get(b)!);
      throw new InputError(`dependency cycle among ${cycle.join(', ')}`, {
        hint: 'fix the "depends on" facts in the document, or run the findings by ID with --ignore-deps',
      });
    }
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const next = ready[0]!;
    order.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return order;
}

/** Dependencies of `id` that are outside `selected` and not in `done`. */
export function unmetDependencies(
  id: string,
  byId: ReadonlyMap<string, Finding>,
  selected: ReadonlySet<string>,
  done: ReadonlySet<string>,
): string[] {
  return (byId.get(id)?.dependsOn ?? []).filter((d) => !selected.has(d) && !done.has(d));
}
