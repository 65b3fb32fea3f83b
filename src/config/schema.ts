/**
 * The raw shape of `remedy.config.json` (zod). Unknown keys are errors, so a typo
 * is reported with its key path instead of being ignored.
 */
import { z } from 'zod';

const findingEntry = z.union([
  z.strictObject({
    transform: z.string().min(1),
    options: z.record(z.string(), z.unknown()).optional(),
    /** Commit subject instead of the transform's summary. */
    subject: z.string().min(1).optional(),
  }),
  z.strictObject({
    manual: z.literal(true),
    reason: z.string().optional(),
  }),
  /** Keep the inferred transform; only the commit subject changes. */
  z.strictObject({
    subject: z.string().min(1),
  }),
]);

export const rawConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  docs: z.array(z.string().min(1)).optional(),
  scope: z.string().min(1).optional(),
  python: z
    .strictObject({
      roots: z.array(z.string().min(1)).optional(),
      targetVersion: z
        .string()
        .regex(/^py3\d{1,2}$/, 'expected a version like "py312"')
        .optional(),
    })
    .optional(),
  verify: z.string().min(1).optional(),
  /** Seconds the verify command may run (0: no limit). */
  verifyTimeout: z.number().min(0).optional(),
  findings: z.record(z.string().min(1), findingEntry).optional(),
});

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RawFindingEntry = z.infer<typeof findingEntry>;
