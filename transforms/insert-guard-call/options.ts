/**
 * insert-guard-call options (zod): the module, the validator to call, the parameters to
 * validate, optionally which functions, and the validator's specification for when the
 * module does not define it yet.
 */
import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier');

export const guardCallOptions = z.strictObject({
  /** The module whose functions get the calls. */
  file: z
    .string()
    .min(1)
    .refine((p) => p.endsWith('.py'), 'expected a .py file'),
  /** The validator called as `validator(parameter)`. */
  validator: identifier,
  /** Parameter names to validate, wherever a function has them. */
  parameters: z.array(identifier).min(1, 'give at least one parameter'),
  /** Module-level functions to guard (default: every one that has a named parameter). */
  functions: z.array(identifier).optional(),
  /** How to write the validator when the module does not define it. */
  create: z
    .strictObject({
      parameter: z.strictObject({ name: identifier, annotation: z.string().optional() }),
      returns: z.string().optional(),
      predicate: z.strictObject({
        expression: z.string().min(1),
        sense: z.enum(['raise-when', 'require']),
        raises: identifier.default('ValueError'),
      }),
    })
    .optional(),
});

export type GuardCallOptions = z.infer<typeof guardCallOptions>;
