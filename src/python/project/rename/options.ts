/**
 * The collision options every rename-planning transform shares (rename-symbols,
 * extract-shared-helpers), with the same names and meaning as the TypeScript rename:
 * `collisions`, `aliases`, `localNames`.
 */
import { z } from 'zod';
import { pythonIdentifier } from '../../names.js';

/** file -> (name -> name): where a resolution needs a name, the one to use. */
const namesByFile = z.record(z.string(), z.record(z.string(), pythonIdentifier));

export const collisionOptions = {
  /**
   * `resolve` (default): a local that would shadow the new name is renamed, an importing
   * module where the new name is taken imports it under an alias, and each resolution is
   * reported; a clash in the defining module still refuses. `refuse`: any collision
   * refuses the whole rename.
   */
  collisions: z
    .enum(['resolve', 'refuse'])
    .default('resolve')
    .describe('resolve: rename shadowing locals, alias the new name in importers; refuse'),
  /** Importer file -> (new name -> the alias to import it under there). */
  aliases: namesByFile.default({}).describe('{ importer file: { new name: alias } }'),
  /** File -> (local name that would shadow the new name -> the name to give it). */
  localNames: namesByFile.default({}).describe('{ file: { local: its new name } }'),
};
