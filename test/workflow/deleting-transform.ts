/**
 * A transform that deletes a file (and, when asked, edits another): the workflow tests
 * of `ctx.deleteFile` map findings to it, so the deletion goes through the real engine,
 * diff, apply, commit and rollback, independently of any language's transforms.
 */
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';

const options = z.strictObject({
  delete: z.string(),
  /** A file to append a comment to in the same change. */
  touch: z.string().optional(),
  unsafe: z.boolean().default(false),
});

export default defineTransform({
  id: 'deleting-transform',
  languages: ['python'],
  reads: 'project',
  summary: 'delete a file on purpose',
  options,
  run(ctx) {
    ctx.deleteFile(ctx.options.delete, ctx.options.unsafe ? 'unsafe' : 'safe');
    const touch = ctx.options.touch;
    if (touch) {
      const end = ctx.readText(touch)?.length ?? 0;
      ctx.fix(touch, Fix.safe('note the deletion', [Edit.insert(end, '# gone\n')]));
    }
  },
});
