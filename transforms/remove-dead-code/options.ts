/** remove-dead-code options (zod). */
import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier');

export const optionsSchema = z.strictObject({
  /** Repository path of the module (or a base name unique in the repository). */
  file: z.string().min(1),
  /** Module-level definitions to delete (removed together: they may use each other). */
  names: z.array(identifier).min(1, 'give at least one name'),
});

export type DeadCodeOptions = z.infer<typeof optionsSchema>;
