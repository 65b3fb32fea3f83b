/** The registry of transforms, by id. Add a transform here to make it available. */
import { UsageError } from '../src/core/errors.js';
import type { AnyTransform } from '../src/engine/contract.js';
import createFile from './create-file/index.js';
import extractSharedHelpers from './extract-shared-helpers/index.js';
import hoistImports from './hoist-imports/index.js';
import pep604Optional from './pep604-optional/index.js';
import removeDeadCode from './remove-dead-code/index.js';
import renameSymbols from './rename-symbols/index.js';
import replaceDefinition from './replace-definition/index.js';
import replaceSnippet from './replace-snippet/index.js';
import routeTable from './route-table/index.js';

export const allTransforms: readonly AnyTransform[] = [
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

export function findTransform(id: string): AnyTransform | undefined {
  return allTransforms.find((t) => t.id === id);
}

export function getTransform(id: string): AnyTransform {
  const found = findTransform(id);
  if (found) return found;
  const close = allTransforms.filter((t) => t.id.includes(id) || id.includes(t.id.split('-')[0]!));
  throw new UsageError(`unknown transform "${id}"`, {
    hint: close.length
      ? `did you mean ${close.map((t) => t.id).join(', ')}? ("remedy transforms" lists them all)`
      : 'run "remedy transforms" to list them',
  });
}
