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
    /** Apply the transform's unsafe fixes too (as `--unsafe` does for every finding). */
    unsafe: z.boolean().optional(),
  }),
  z.strictObject({
    manual: z.literal(true),
    reason: z.string().optional(),
  }),
  /** Keep the inferred transform; change the commit subject, or allow its unsafe fixes. */
  z
    .strictObject({
      subject: z.string().min(1).optional(),
      unsafe: z.boolean().optional(),
    })
    .refine((e) => e.subject !== undefined || e.unsafe !== undefined, {
      message: 'give "transform", "manual", "subject" or "unsafe"',
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
  findings: z.record(z.string().min(1), findingEntry).optional(),
});

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RawFindingEntry = z.infer<typeof findingEntry>;
