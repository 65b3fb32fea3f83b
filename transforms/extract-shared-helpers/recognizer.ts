/** The planner's view of extract-shared-helpers: which findings ask for it, and what `plan` explains. */
import type { Recognizer } from '../../src/plan/recognizer.js';
import { explainExtraction } from './explain.js';
import { inferExtraction } from './infer.js';
import type { ExtractOptions } from './options.js';

export const recognizer: Recognizer<ExtractOptions> = {
  transform: 'extract-shared-helpers',
  infer: inferExtraction,
  explain: explainExtraction,
};
