/** hoist-imports options (zod). */
import { z } from 'zod';

export const optionsSchema = z.strictObject({
  /** Only these files (repository-relative paths, or base names). Default: every file given. */
  files: z.array(z.string().min(1)).optional(),
  /** Only imports inside these functions: `serialize_for_audit`, `BaseRepository.count`. */
  functions: z.array(z.string().min(1)).optional(),
  /**
   * Which modules may move: `"stdlib"` (default), or a list of module names (a name covers
   * its submodules; `"stdlib"` in the list adds the standard library).
   */
  modules: z.union([z.literal('stdlib'), z.array(z.string().min(1)).min(1)]).default('stdlib'),
});

export type HoistOptions = z.infer<typeof optionsSchema>;
