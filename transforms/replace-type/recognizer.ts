/** The planner's view of replace-type: findings that ask to use a shared type instead of a local copy. */
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { ReplaceTypeOptions } from '../../src/typescript/replace-type/options.js';
import { inferTsReplaceType } from '../../src/typescript/replace-type/recognizer.js';

export const recognizer: Recognizer<ReplaceTypeOptions> = {
  transform: 'replace-type',
  infer: inferTsReplaceType,
};
