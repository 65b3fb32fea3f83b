/** The options of rewrite-pattern (validated by the engine; the recognizer produces them). */
import { z } from 'zod';

const identifier = /^[A-Za-z_$][\w$]*$/;

export const rewriteRule = z.strictObject({
  /** Code with metavariables: `dict[str, object]`, `os.getenv($NAME)`, `'HKD'`. */
  pattern: z.string().refine((s) => s.trim() !== '', 'the pattern is empty'),
  /** The code each match becomes; `$X` / `$$$X` stand for what the pattern captured. */
  replacement: z.string().refine((s) => s.trim() !== '', 'the replacement is empty'),
});

export const importSource = z.strictObject({
  /** Python: dotted module; TS/JS: the specifier as written (`@/lib/config`). */
  module: z.string().min(1),
  /** Omit for Python `import module`. */
  name: z.string().regex(identifier).optional(),
  alias: z.string().regex(identifier).optional(),
  typeOnly: z.boolean().optional(),
});

export const rewritePatternOptions = z.strictObject({
  rules: z.array(rewriteRule).min(1),
  /** Repository paths to rewrite; default: every file of `language` that contains the pattern. */
  files: z.array(z.string().min(1)).min(1).optional(),
  /** Which files to search when `files` is not given (default: both families). */
  language: z.enum(['python', 'typescript']).optional(),
  /** Where names the replacement needs come from, when the project does not show it. */
  imports: z.array(importSource).optional(),
  /**
   * The rewrite is the change the finding asks for (set by the recognizer from the
   * document's own words): a value change is then safe. Default false: unsafe.
   */
  intended: z.boolean().optional(),
  /** Ambiguous matches (in a string, a JSX attribute, a shadowed name): refuse (default) or skip. */
  onAmbiguous: z.enum(['refuse', 'skip']).optional(),
  /** Bind the replacement once to a module constant (named after the call, or `name`). */
  hoist: z.union([z.boolean(), z.strictObject({ name: z.string().regex(identifier) })]).optional(),
});

export type RewritePatternOptions = z.infer<typeof rewritePatternOptions>;
