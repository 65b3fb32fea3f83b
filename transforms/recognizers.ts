/**
 * The recognizers the planner tries, in order: the first whose `infer` answers maps
 * the finding (specific transforms before the generic ones that take the finding's
 * own code blocks). Add a transform's recognizer here to let inference choose it.
 */
import type { AnyRecognizer } from '../src/plan/recognizer.js';
import { recognizer as addCode } from './add-code/recognizer.js';
import { recognizer as addMissingImport } from './add-missing-import/recognizer.js';
import { recognizer as consolidateHelpers } from './consolidate-helpers/recognizer.js';
import { recognizer as createFile } from './create-file/recognizer.js';
import { recognizer as extractSharedHelpers } from './extract-shared-helpers/recognizer.js';
import { withTypeScript as withTsExtraction } from './extract-shared-helpers/typescript-recognizer.js';
import { recognizer as hoistImports } from './hoist-imports/recognizer.js';
import { recognizer as importsFirst } from './imports-first/recognizer.js';
import { recognizer as insertGuardCall } from './insert-guard-call/recognizer.js';
import { recognizer as jscodeshift } from './jscodeshift/recognizer.js';
import { recognizer as pep604Optional } from './pep604-optional/recognizer.js';
import { recognizer as removeDeadCode } from './remove-dead-code/recognizer.js';
import { withTypeScript as withTsDeadCode } from './remove-dead-code/typescript-recognizer.js';
import { recognizer as renameSymbols } from './rename-symbols/recognizer.js';
import { withTypeScript } from './rename-symbols/typescript-recognizer.js';
import { recognizer as replaceDefinition } from './replace-definition/recognizer.js';
import { recognizer as replaceSnippet } from './replace-snippet/recognizer.js';
import { recognizer as replaceType } from './replace-type/recognizer.js';
import { recognizer as rewritePattern } from './rewrite-pattern/recognizer.js';
import { recognizer as routeTable } from './route-table/recognizer.js';
import { recognizer as ruffFix } from './ruff-fix/recognizer.js';
import { recognizer as settings } from './settings/recognizer.js';

export const allRecognizers: readonly AnyRecognizer[] = [
  jscodeshift,
  // Before pep604-optional: a finding citing ruff codes (UP045) asks for ruff's own fixes.
  ruffFix,
  addMissingImport,
  pep604Optional,
  // Before rename-symbols: a duplicated helper's fix (B-DUP-02) is more than a rename.
  withTsExtraction(extractSharedHelpers),
  withTypeScript(renameSymbols),
  hoistImports,
  importsFirst,
  routeTable,
  withTsDeadCode(removeDeadCode),
  replaceType,
  // Code the finding states or gives: before the generic ones (B-DUP-04 adds a definition).
  settings,
  insertGuardCall,
  consolidateHelpers,
  addCode,
  // Generic: fixes taken from the finding's own code blocks.
  replaceDefinition,
  replaceSnippet,
  rewritePattern,
  createFile,
];
