/**
 * The raw shape of `remedy.config.json` (zod). Unknown keys are errors, so a typo
 * is reported with its key path instead of being ignored.
 */
import { z } from 'zod';

/** Conventional-commit types a finding's commit may take. */
export const COMMIT_TYPES = [
  'feat',
  'fix',
  'refactor',
  'perf',
  'test',
  'docs',
  'build',
  'ci',
  'chore',
  'style',
  'revert',
] as const;

const commitType = z.enum(COMMIT_TYPES);
/** A note for people: JSON has no comments. Accepted anywhere remedy reads an object. */
const comment = z.string().optional();

const findingEntry = z.union([
  z.strictObject({
    transform: z.string().min(1),
    options: z.record(z.string(), z.unknown()).optional(),
    /** Commit subject instead of the transform's summary. */
    subject: z.string().min(1).optional(),
    /** Commit type instead of the guessed one. */
    type: commitType.optional(),
    /** Apply the transform's unsafe fixes too (as `--unsafe` does for every finding). */
    unsafe: z.boolean().optional(),
    $comment: comment,
  }),
  z.strictObject({
    manual: z.literal(true),
    reason: z.string().optional(),
    $comment: comment,
  }),
  /** Keep the inferred transform; change the commit subject and/or type, or allow its unsafe fixes. */
  z
    .strictObject({
      subject: z.string().min(1).optional(),
      type: commitType.optional(),
      unsafe: z.boolean().optional(),
      $comment: comment,
    })
    .refine((e) => e.subject !== undefined || e.type !== undefined || e.unsafe !== undefined, {
      message: 'give "transform", "manual": true, "subject", "type" or "unsafe"',
    }),
]);

/** What `remedy init` suggests for a finding it could not map (read by people only). */
const suggestion = z.strictObject({
  reason: z.string(),
  next: z.string(),
  entry: findingEntry.optional(),
});

export const rawConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: comment,
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
  /** Commit type by category words or ID prefix (`{"security": "fix", "B-QUAL": "refactor"}`). */
  commitTypes: z.record(z.string().min(1), commitType).optional(),
  suggestions: z.record(z.string().min(1), suggestion).optional(),
});

export type RawConfig = z.infer<typeof rawConfigSchema>;
export type RawFindingEntry = z.infer<typeof findingEntry>;
