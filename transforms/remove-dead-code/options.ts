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
    /** Delete the unreachable statements of this function (`name` or `Class.method`). */
    unreachableIn: z
      .string()
      .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/, 'expected `name` or `Class.method`')
      .optional(),
    /** With `unreachableIn`: the unreachable code as the finding quotes it (checked). */
    statement: z.string().min(1).optional(),
  })
  .refine(
    (o) =>
      [o.names !== undefined, o.deleteFile === true, o.unreachableIn !== undefined].filter(Boolean)
        .length === 1,
    {
      message:
        'give one of `names` (definitions to delete), `deleteFile: true` (the whole module) or `unreachableIn` (a function)',
    },
  )
  .refine((o) => o.statement === undefined || o.unreachableIn !== undefined, {
    message: '`statement` goes with `unreachableIn`',
  })
  .refine((o) => o.tests === undefined || o.deleteFile === true, {
    message: '`tests` go with `deleteFile: true`',
  });

export type DeadCodeOptions = z.infer<typeof optionsSchema>;
