/** remove-dead-code options (zod). */
import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier');

export const optionsSchema = z
  .strictObject({
    /** Repository path of the module (or a base name unique in the repository). */
    file: z.string().min(1),
    /** Module-level definitions to delete (removed together: they may use each other). */
    names: z.array(identifier).min(1, 'give at least one name').optional(),
    /** Delete the whole module, once nothing imports it. */
    deleteFile: z.literal(true).optional(),
    /** With `deleteFile`: its test modules, which the finding says go with it. */
    tests: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((o) => (o.names !== undefined) !== (o.deleteFile === true), {
    message:
      'give `names` (definitions to delete) or `deleteFile: true` (the whole module), not both',
  })
  .refine((o) => o.tests === undefined || o.deleteFile === true, {
    message: '`tests` go with `deleteFile: true`',
  });

export type DeadCodeOptions = z.infer<typeof optionsSchema>;
