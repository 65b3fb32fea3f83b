/**
 * insert-guard-call options (zod): the module, the validator to call, the parameters to
 * validate, optionally which functions, and the validator's specification for when the
 * module does not define it yet.
 */
import { z } from 'zod';
import { pythonFile, pythonIdentifier } from '../../src/python/option-schemas.js';

export const guardCallOptions = z.strictObject({
  /** The module whose functions get the calls. */
  file: pythonFile,
  /** The validator called as `validator(parameter)`. */
  validator: pythonIdentifier,
  /** Parameter names to validate, wherever a function has them. */
  parameters: z.array(pythonIdentifier).min(1, 'give at least one parameter'),
  /** Module-level functions to guard (default: every one that has a named parameter). */
  functions: z.array(pythonIdentifier).optional(),
  /** How to write the validator when the module does not define it. */
  create: z
    .strictObject({
      parameter: z.strictObject({ name: pythonIdentifier, annotation: z.string().optional() }),
      returns: z.string().optional(),
      predicate: z.strictObject({
        expression: z.string().min(1),
        sense: z.enum(['raise-when', 'require']),
        raises: pythonIdentifier.default('ValueError'),
      }),
    })
    .optional(),
});

export type GuardCallOptions = z.infer<typeof guardCallOptions>;
