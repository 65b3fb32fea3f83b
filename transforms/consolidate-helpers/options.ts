/**
 * consolidate-helpers options (zod): the one new function (name, where, and either its
 * code or its signature, the exception it raises and the behaviour the finding states),
 * the helper copies it replaces, and the functions that write the check inline.
 */
import { z } from 'zod';
import { pythonFile, pythonIdentifier } from '../../src/python/option-schemas.js';

export const consolidateOptions = z.strictObject({
  /** The module the new function goes to. */
  target: pythonFile,
  /** The new function's name. */
  name: pythonIdentifier,
  /** Its whole definition, when the finding writes it out. */
  code: z.string().optional(),
  /** Else its signature (`require_env(name: str) -> str`) ... */
  signature: z.string().optional(),
  /** ... the exception it raises (`ConfigurationError` or `ConfigurationError(name)`) ... */
  raises: z.string().optional(),
  /** ... and the failure condition the finding states: `falsy` (unset or empty) or `none` (unset). */
  behaviour: z.enum(['falsy', 'none']).optional(),
  /** The helper copies to replace. */
  copies: z.array(z.strictObject({ file: pythonFile, name: pythonIdentifier })).default([]),
  /** Functions that write the check out inline (`file`, and `function` when the finding names it). */
  inline: z
    .array(z.strictObject({ file: pythonFile, function: pythonIdentifier.optional() }))
    .default([]),
});

export type ConsolidateOptions = z.infer<typeof consolidateOptions>;
