/** remove-dead-code (TypeScript) options (zod). */
import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected a TypeScript identifier');

export const deadCodeOptions = z.strictObject({
  /** Repository path of the module. */
  file: z.string().min(1),
  /**
   * Top-level declarations to delete (removed together: they may use each other); with
   * `deleteFile`, the names the document gives, checked to exist. Default: the whole file.
   */
  names: z.array(identifier).min(1, 'give at least one name').optional(),
  /** Delete the whole file (and its tests), not only `names`. */
  deleteFile: z.boolean().optional(),
});

export type TsDeadCodeOptions = z.infer<typeof deadCodeOptions>;
