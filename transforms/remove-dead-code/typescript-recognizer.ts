/**
 * remove-dead-code's recognizer for both languages: a TypeScript finding's options
 * (src/typescript/dead-code/recognizer.ts) first, else the Python recognizer's; `explain`
 * is the Python one's, for Python options.
 */
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { TsDeadCodeOptions } from '../../src/typescript/dead-code/options.js';
import { inferTsDeadCode } from '../../src/typescript/dead-code/recognizer.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';

export function withTypeScript<O>(python: Recognizer<O>): Recognizer<O | TsDeadCodeOptions> {
  return {
    // Python's own `explain` and `decline` stay; TypeScript findings are inferred first.
    ...python,
    infer: (finding) => inferTsDeadCode(finding) ?? python.infer(finding),
    explain: (finding, options, read) =>
      isTypeScriptPath((options as { file?: string }).file ?? '')
        ? []
        : (python.explain?.(finding, options as O, read) ?? []),
  };
}
