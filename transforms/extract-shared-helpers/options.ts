/**
 * extract-shared-helpers options (zod) and the groups they describe: every entry with
 * the same `to` is one shared helper, whatever the old name in each source.
 */
import { z } from 'zod';
import { pythonIdentifier as identifier } from '../../src/python/names.js';

const pythonFile = z
  .string()
  .min(1)
  .transform((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''))
  .refine((p) => p.endsWith('.py'), 'expected a .py file');

const helperSchema = z.strictObject({
  /** The helper's name in the sources. */
  from: identifier,
  /** Its name in the shared module (default: `from`). */
  to: identifier.optional(),
  /** Repository paths of the modules that define a copy. */
  sources: z.array(pythonFile).min(1, 'give at least one source file'),
  /**
   * A boolean parameter that selects between two behaviours when copies differ by
   * exactly one `if` block (`broaden_resource`).
   */
  parameter: identifier.optional(),
});

export const optionsSchema = z.strictObject({
  /** The shared module (new or existing; may also be one of the sources). */
  target: pythonFile,
  helpers: z.array(helperSchema).min(1, 'give at least one helper'),
  /** A package `__init__.py` that should import the new names and list them in `__all__`. */
  exportFrom: pythonFile.optional(),
  /** `rename` (default): call sites use the new names; `keep`: `from m import new as old`. */
  callSites: z.enum(['rename', 'keep']).default('rename'),
});

export type HelperOption = z.infer<typeof helperSchema>;
export type ExtractOptions = z.infer<typeof optionsSchema>;

/** One shared helper: its new name and the (source, old name) pairs that define it. */
export interface HelperGroup {
  readonly to: string;
  readonly parameter: string | undefined;
  readonly sources: readonly { readonly path: string; readonly from: string }[];
}

/** Group the option entries by new name; problems when entries contradict each other. */
export function helperGroups(options: ExtractOptions): {
  groups: HelperGroup[];
  problems: string[];
} {
  const groups = new Map<
    string,
    { parameter: string | undefined; sources: HelperGroup['sources'][number][] }
  >();
  const problems: string[] = [];
  const oldNames = new Map<string, string>();
  for (const h of options.helpers) {
    const to = h.to ?? h.from;
    const group = groups.get(to) ?? { parameter: undefined, sources: [] };
    if (h.parameter && group.parameter && h.parameter !== group.parameter) {
      problems.push(
        `\`${to}\` is given two parameters: \`${group.parameter}\` and \`${h.parameter}\``,
      );
    }
    group.parameter ??= h.parameter;
    for (const path of h.sources) {
      const key = `${path}\u0000${h.from}`;
      const seen = oldNames.get(key);
      if (seen !== undefined && seen !== to) {
        problems.push(`\`${h.from}\` in ${path} is mapped to both \`${seen}\` and \`${to}\``);
      }
      oldNames.set(key, to);
      if (!group.sources.some((s) => s.path === path && s.from === h.from))
        group.sources.push({ path, from: h.from });
    }
    groups.set(to, group);
  }
  return {
    groups: [...groups].map(([to, g]) => ({ to, parameter: g.parameter, sources: g.sources })),
    problems,
  };
}

/** Local helper names per file -> new names (the target maps each new name to itself). */
export function helperNames(
  groups: readonly HelperGroup[],
  target: string,
): (path: string) => ReadonlyMap<string, string> {
  const byFile = new Map<string, Map<string, string>>();
  const add = (path: string, from: string, to: string) => {
    const names = byFile.get(path) ?? new Map<string, string>();
    byFile.set(path, names.set(from, to));
  };
  for (const g of groups) {
    add(target, g.to, g.to);
    for (const s of g.sources) add(s.path, s.from, g.to);
  }
  return (path) => byFile.get(path) ?? new Map();
}
