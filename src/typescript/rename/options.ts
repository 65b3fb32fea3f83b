/**
 * Options of the TypeScript/JavaScript rename: explicit renames (`from` -> `to`, in a
 * defining file, or wherever the one exported declaration of `from` is), or an affix
 * added to every exported component of some files (`Home` -> `HomePage`); how
 * collisions are handled, and the names to use when resolving them.
 */
import { z } from 'zod';

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean number string symbol type from of async await'.split(
    ' ',
  ),
);

export const tsIdentifier = z
  .string()
  .regex(/^[A-Za-z_$][\w$]*$/, 'expected a JavaScript identifier')
  .refine((s) => !RESERVED.has(s), 'a reserved word cannot be a name');

export const tsRenameSchema = z
  .strictObject({
    /** The defining file (repository-relative, or a base name unique in the repository). */
    file: z.string().min(1).optional(),
    from: tsIdentifier,
    to: tsIdentifier,
  })
  .refine((r) => r.from !== r.to, { message: '`from` and `to` are the same name' });

export const affixSchema = z
  .strictObject({
    /** Added at the end of each name (`Page`). */
    suffix: z
      .string()
      .regex(/^[\w$]+$/)
      .optional(),
    /** Added at the start of each name. */
    prefix: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*$/)
      .optional(),
    /** Files or directories whose exported components are renamed. */
    files: z.array(z.string().min(1)).min(1, 'give the files whose components are renamed'),
  })
  .refine((a) => a.suffix !== undefined || a.prefix !== undefined, {
    message: 'give a `suffix` or a `prefix`',
  });

/** file -> (name -> name): where a resolution needs a name, the one to use. */
const namesByFile = z.record(z.string(), z.record(z.string(), tsIdentifier));

export const tsRenameOptionsSchema = z
  .strictObject({
    renames: z.array(tsRenameSchema).default([]),
    affix: affixSchema.optional(),
    /**
     * `resolve` (default): a name the new one would clash with is aliased at the
     * importer or renamed where it is local, and each resolution is reported;
     * `refuse`: any collision refuses the whole rename.
     */
    collisions: z.enum(['resolve', 'refuse']).default('resolve'),
    /** Importer file -> (new name -> alias to import it under there). */
    aliases: namesByFile.default({}),
    /** File -> (clashing local name -> the name to give it). */
    localNames: namesByFile.default({}),
  })
  .refine((o) => o.renames.length > 0 || o.affix !== undefined, {
    message: 'give `renames` or an `affix`',
  });

export type TsRenameRequest = z.infer<typeof tsRenameSchema>;
export type TsRenameOptions = z.infer<typeof tsRenameOptionsSchema>;
export type TsRenameOptionsInput = z.input<typeof tsRenameOptionsSchema>;
