/**
 * extract-shared-helpers (TypeScript) options (zod), in the shape of the Python form:
 * every entry with the same `to` is one shared helper, whatever its name in each source.
 */
import { z } from 'zod';
import { isTypeScriptPath } from '../extensions.js';

const identifier = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a TypeScript identifier');

const tsFile = z
  .string()
  .min(1)
  .transform((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''))
  .refine((p) => isTypeScriptPath(p), 'expected a .ts/.tsx/.js/.jsx file');

export const extractHelperSchema = z.strictObject({
  /** The helper's name in the sources (a function, constant, type, interface, enum or class). */
  from: identifier,
  /** Its name in the shared module (default: `from`); old call sites import it under `from`. */
  to: identifier.optional(),
  /** Repository paths of the modules that define a copy. */
  sources: z.array(tsFile).min(1, 'give at least one source file'),
});

export const extractOptions = z.strictObject({
  /** The shared module (new or existing; may also be one of the sources). */
  target: tsFile,
  helpers: z.array(extractHelperSchema).min(1, 'give at least one helper'),
});

export type TsExtractOptions = z.infer<typeof extractOptions>;

/** One shared helper: its shared name and the (source, local name) pairs that define it. */
export interface HelperGroup {
  readonly to: string;
  readonly sources: readonly { readonly file: string; readonly from: string }[];
  /** Pulled in because a shared helper depends on it (not named by the options). */
  readonly dependency: boolean;
}

/** The option entries grouped by shared name, in order. */
export function helperGroups(options: TsExtractOptions): HelperGroup[] {
  const groups = new Map<string, { file: string; from: string }[]>();
  for (const h of options.helpers) {
    const to = h.to ?? h.from;
    const sources = groups.get(to) ?? [];
    for (const file of h.sources) {
      if (!sources.some((s) => s.file === file && s.from === h.from))
        sources.push({ file, from: h.from });
    }
    groups.set(to, sources);
  }
  return [...groups].map(([to, sources]) => ({ to, sources, dependency: false }));
}
