/**
 * The recognizers the planner tries, in order: the first whose `infer` answers maps
 * the finding (specific transforms before the generic ones that take the finding's
 * own code blocks). Add a transform's recognizer here to let inference choose it.
 */
import type { AnyRecognizer } from '../src/plan/recognizer.js';
import { recognizer as addMissingImport } from './add-missing-import/recognizer.js';
import { recognizer as createFile } from './create-file/recognizer.js';
import { recognizer as extractSharedHelpers } from './extract-shared-helpers/recognizer.js';
import { recognizer as hoistImports } from './hoist-imports/recognizer.js';
import { recognizer as pep604Optional } from './pep604-optional/recognizer.js';
import { recognizer as removeDeadCode } from './remove-dead-code/recognizer.js';
import { recognizer as renameSymbols } from './rename-symbols/recognizer.js';
import { recognizer as replaceDefinition } from './replace-definition/recognizer.js';
import { recognizer as replaceSnippet } from './replace-snippet/recognizer.js';
import { recognizer as routeTable } from './route-table/recognizer.js';
import { recognizer as ruffFix } from './ruff-fix/recognizer.js';

export const allRecognizers: readonly AnyRecognizer[] = [
  // Before pep604-optional: a finding citing ruff codes (UP045) asks for ruff's own fixes.
  ruffFix,
  addMissingImport,
  pep604Optional,
  // Before rename-symbols: a duplicated helper's fix (B-DUP-02) is more than a rename.
  extractSharedHelpers,
  renameSymbols,
  hoistImports,
  routeTable,
  removeDeadCode,
  // Generic: fixes taken from the finding's own code blocks.
  replaceDefinition,
  replaceSnippet,
  createFile,
];
