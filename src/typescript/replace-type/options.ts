/** replace-type options (zod): which local alias, and which shared type replaces it. */
import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a TypeScript identifier');

export const replaceTypeOptions = z.strictObject({
  /** Repository path of the file that declares the local alias. */
  file: z.string().min(1),
  /** The local type alias (or interface) to replace. */
  alias: identifier,
  /**
   * The shared module: a module specifier as the file would write it (`@/lib/i18n/locales`)
   * or a repository path. Default: the one project module that exports a type of that name.
   */
  from: z.string().min(1).optional(),
  /** The shared type's exported name (default: `alias`). */
  name: identifier.optional(),
});

export type ReplaceTypeOptions = z.infer<typeof replaceTypeOptions>;
