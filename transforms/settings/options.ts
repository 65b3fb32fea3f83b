/**
 * settings options (zod): the settings class (existing, or created with its base and env
 * prefix in a new module), the fields, and what to wire to them: keyword arguments of
 * named calls (`create_async_engine(pool_size=20)`), environment reads in named files
 * (`os.getenv("REDIS_URL", ...)`).
 */
import { z } from 'zod';
import { pythonFile, pythonIdentifier } from '../../src/python/option-schemas.js';

export const settingsOptions = z.strictObject({
  /** The settings class. */
  class: pythonIdentifier,
  /** Its module: where it is, or the new module to create it in. */
  file: pythonFile.optional(),
  /** Base of a new class (default `BaseSettings`). */
  base: pythonIdentifier.default('BaseSettings'),
  /** `env_prefix` of a new class. */
  envPrefix: z.string().optional(),
  /** `name: type = default` each; a field without a default takes the literal it replaces. */
  fields: z.array(z.string().min(1)).min(1, 'give at least one field'),
  wire: z
    .strictObject({
      /** Calls whose keyword arguments read the fields (`create_async_engine`). */
      calls: z.array(pythonIdentifier).optional(),
      /** Files whose environment reads (`os.getenv`, `os.environ`) read the settings instead. */
      files: z.array(pythonFile).optional(),
    })
    .default({}),
});

export type SettingsOptions = z.infer<typeof settingsOptions>;
