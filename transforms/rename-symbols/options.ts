/**
 * rename-symbols options (zod). `collisions`, `aliases` and `localNames` mean the same
 * for every language: how a name the rename would clash with is handled, and the names
 * to use when resolving it. `onCollision` (the former option) is still read:
 * `"alias"` means `"resolve"`.
 */
import { z } from 'zod';
import { pythonIdentifier as identifier } from '../../src/python/names.js';
import { collisionOptions } from '../../src/python/project/rename/options.js';

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

/** The former `onCollision: "refuse" | "alias"` becomes `collisions`. */
function legacyOnCollision(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('onCollision' in input)) return input;
  const { onCollision, ...rest } = input as Record<string, unknown>;
  const collisions = onCollision === 'alias' ? 'resolve' : onCollision;
  return { collisions, ...rest };
}

const renameOptions = z.strictObject({
  renames: z.array(renameSchema).min(1, 'give at least one rename'),
  ...collisionOptions,
});

export const optionsSchema = z.preprocess(legacyOnCollision, renameOptions);

export type RenameRequest = z.infer<typeof renameSchema>;
export type RenameOptions = z.infer<typeof renameOptions>;
export type RenameOptionsInput = z.input<typeof renameOptions>;
