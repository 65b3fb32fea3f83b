/** rename-symbols options (zod). */
import { z } from 'zod';
import { pythonIdentifier as identifier } from '../../src/python/names.js';

const renameSchema = z
  .strictObject({
    /** Dotted module that defines the name (`app.api.admin_request`). */
    module: z.string().min(1).optional(),
    /** Repository-relative path of the defining file, or a base name unique in the repository. */
    file: z.string().min(1).optional(),
    from: identifier,
    to: identifier,
  })
  .refine((r) => r.module !== undefined || r.file !== undefined, {
    message: 'give the defining `module` or `file`',
  })
  .refine((r) => r.from !== r.to, { message: '`from` and `to` are the same name' });

export const optionsSchema = z.strictObject({
  renames: z.array(renameSchema).min(1, 'give at least one rename'),
  /**
   * What to do when the new name is already bound in a module that imports the symbol:
   * `refuse` (default), or `alias` — keep the old local name there (`from m import new as old`).
   */
  onCollision: z.enum(['refuse', 'alias']).default('refuse'),
});

export type RenameRequest = z.infer<typeof renameSchema>;
export type RenameOptions = z.infer<typeof optionsSchema>;
